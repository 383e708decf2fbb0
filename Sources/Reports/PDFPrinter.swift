import Foundation

/// Prints an HTML report to PDF with headless Chromium, when it is installed: for `redline screen --format pdf` and
/// `POST /v1/screen?format=pdf` alike.
public enum PDFPrinter {
    /// Why no PDF came out, with what to do about it.
    public enum Failure: Error, CustomStringConvertible {
        case noChromium
        case printFailed(browser: String, status: Int32)

        public var description: String {
            switch self {
            case .noChromium:
                "PDF needs headless Chromium, which is not installed. On Debian: apt-get install chromium (and fonts-noto-cjk for Chinese). Or ask for HTML and print it from a browser."
            case let .printFailed(browser, status):
                "\(browser) could not print the report to PDF (exit status \(status))"
            }
        }
    }

    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The Chromium executable on PATH, if any.
    public static func chromium() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in candidates {
            for directory in path.split(separator: ":") {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The PDF bytes of an HTML document.
    public static func print(html: String) throws -> Data {
        guard let browser = chromium() else { throw Failure.noChromium }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html"), pdf = folder.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(folder.path)/profile",
            "--print-to-pdf=\(pdf.path)", page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let bytes = try? Data(contentsOf: pdf), bytes.starts(with: Array("%PDF".utf8)) else {
            throw Failure.printFailed(browser: browser, status: process.terminationStatus)
        }
        return bytes
    }
}
