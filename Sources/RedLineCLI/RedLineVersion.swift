/// The tool's version, shown by `redline --version` and written into every report.
enum RedLineVersion {
    static let current = "0.1.0"
}
