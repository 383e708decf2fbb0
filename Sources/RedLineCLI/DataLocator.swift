import Foundation

/// Finds the bundled `geodata/` folder wherever the tool is run from.
enum DataLocator {
    /// The folder to use: `--data` if given, else `$REDLINE_DATA`, else the first `geodata/` with a catalog found
    /// beside or above the executable, the current directory, or the source checkout the tool was built from.
    static func folder(explicit: String?) throws -> String {
        if let explicit { return explicit }
        if let fromEnvironment = ProcessInfo.processInfo.environment["REDLINE_DATA"], !fromEnvironment.isEmpty { return fromEnvironment }
        var starts: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        starts.append(executable.deletingLastPathComponent())
        starts.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        // The checkout this binary was built from (Sources/RedLineCLI/DataLocator.swift → root).
        starts.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())
        for start in starts {
            var directory = start
            for _ in 0..<8 {
                let candidate = directory.appendingPathComponent("geodata")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("catalog.json").path) { return candidate.path }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        throw CLIError.usage("cannot find the bundled geodata/ folder; give --data DIR or set REDLINE_DATA")
    }
}
