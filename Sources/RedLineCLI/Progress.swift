import Foundation

/// Progress on standard error: a bar with rate and ETA on a terminal, a plain line every 10 seconds otherwise,
/// nothing when quiet.
final class Progress {
    private let total: Int
    private let quiet: Bool
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let start = Date()
    private var lastPrint = Date.distantPast

    init(total: Int, quiet: Bool) {
        self.total = total
        self.quiet = quiet
    }

    func update(done: Int) {
        guard !quiet else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        if isTerminal {
            guard now.timeIntervalSince(lastPrint) > 0.1 || done == total else { return }
            let width = 30
            let filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
            let line = String(format: "\r[%@] %d/%d  %.1f/s  ETA %@ ", bar, done, total, rate, Progress.clock(remaining))
            FileHandle.standardError.write(Data(line.utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        } else {
            guard now.timeIntervalSince(lastPrint) >= 10 || done == total else { return }
            FileHandle.standardError.write(
                Data(String(format: "redline batch: %d/%d projects, %.1f/s, ETA %@\n", done, total, rate, Progress.clock(remaining)).utf8))
        }
        lastPrint = now
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
    }
}
