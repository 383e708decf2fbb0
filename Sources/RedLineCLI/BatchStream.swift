import ArgumentParser
import Foundation
import Reports
import Screening

/// `redline batch -`: the stream worker. Reads newline-delimited GeoJSON from standard input a window at a time,
/// writes one record per non-blank input line to standard output in input order, flushed per window, so memory stays
/// bounded by the window whatever the input's length. Records depend only on the feature (`StreamRecords`), so an
/// engine may split the input any way it likes.
struct BatchStream {
    let command: BatchCommand

    func run() throws {
        let records: StreamRecords
        do {
            let session = try command.dataOptions.session()
            if let category = command.defaultCategory { _ = try session.ruleset.category(category) }
            var options = command.footprintOptions.submissionOptions()
            options.defaults = ProjectOverrides(category: command.defaultCategory, action: command.action, dischargesToWater: command.dischargesToWater)
            options.keys = PropertyKeys(id: command.idKey, name: command.nameKey, category: command.categoryKey)
            records = StreamRecords(session: session, options: options, sourceKey: command.sourceKey, on: command.dataOptions.day)
        } catch {
            FileHandle.standardError.write(Data("redline batch: \(error)\(HintText.suffix(for: error, command: "batch"))\n".utf8))
            throw ExitCode(ExitStatus.error)
        }
        Interrupt.install()
        let window = max(1, command.window), workers = max(1, command.jobs)
        var worst: Verdict?
        var errors = false
        var lines: [ArraySlice<UInt8>] = []
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        func flush() throws {
            guard !lines.isEmpty else { return }
            let out = records.records(for: lines, workers: workers)
            for record in out {
                if let verdict = record.verdict { worst = max(worst ?? verdict, verdict) } else { errors = true }
            }
            try write(out.map(\.line).joined(separator: "\n") + "\n")
            lines.removeAll(keepingCapacity: true)
        }
        while !Interrupt.isRequested {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                FileHandle.standardError.write(Data("redline batch: cannot read standard input: \(String(cString: strerror(errno)))\n".utf8))
                throw ExitCode(ExitStatus.error)
            }
            if count == 0 { break }
            pending.append(contentsOf: buffer[0..<count])
            // Whole lines go to the window; the tail waits for the rest of its line.
            guard let lastNewline = pending.lastIndex(of: UInt8(ascii: "\n")) else { continue }
            for line in pending[...lastNewline].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) where !Self.isBlank(line) {
                lines.append(ArraySlice(Array(line)))
                if lines.count >= window { try flush() }
            }
            pending.removeSubrange(...lastNewline)
        }
        if !Self.isBlank(pending[...]) { lines.append(ArraySlice(pending)) }
        try flush()
        if Interrupt.isRequested { throw ExitCode(130) }
        guard command.verdictStatus else { return }
        guard let worst else { throw ExitCode(ExitStatus.error) }
        let code = ExitStatus.code(for: worst).rawValue + (errors ? 8 : 0)
        if code != 0 { throw ExitCode(code) }
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }

    /// Writes all of `text` to standard output, so a reader downstream gets whole lines as soon as a window is done.
    private func write(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                FileHandle.standardError.write(Data("redline batch: cannot write standard output: \(String(cString: strerror(errno)))\n".utf8))
                throw ExitCode(ExitStatus.error)
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
