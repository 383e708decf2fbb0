import Foundation
import Testing

/// Runs `redline` with `input` on standard input, from the repository root.
func redline(_ arguments: [String], stdin input: Data) throws -> Run {
    let process = Process()
    process.executableURL = try redlineBinary()
    process.arguments = arguments
    process.currentDirectoryURL = root
    let inPipe = Pipe(), out = Pipe(), err = Pipe()
    process.standardInput = inPipe
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Write from another thread: the worker answers while it reads, and a full pipe must not deadlock us.
    let writer = Thread {
        inPipe.fileHandleForWriting.write(input)
        try? inPipe.fileHandleForWriting.close()
    }
    writer.start()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
}

@Suite("redline batch - : the stream worker")
struct StreamModeTests {
    /// Every bundled example's feature `copies` times with distinct ids, a bad ring and a line that is not JSON, as NDJSON lines.
    static func lines(copies: Int) throws -> [String] {
        var lines: [String] = []
        for copy in 0..<copies {
            for (number, path) in examples.enumerated() {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent(path))) as? [String: Any])
                var feature = (object["features"] as? [[String: Any]])?.first ?? object
                var properties = feature["properties"] as? [String: Any] ?? [:]
                properties["id"] = "P\(copy)-\(number)"
                properties["source"] = (path as NSString).lastPathComponent
                feature["properties"] = properties
                lines.append(String(decoding: try JSONSerialization.data(withJSONObject: feature, options: [.sortedKeys]), as: UTF8.self))
            }
            lines.append(
                #"{"type":"Feature","properties":{"id":"BAD\#(copy)","category":"LV"},"geometry":{"type":"Polygon","coordinates":[[[117.4,40.0],[117.41,40.01],[117.41,40.0],[117.4,40.01],[117.4,40.0]]]}}"#
            )
        }
        lines.append("{not json")
        return lines
    }

    /// The records sorted by their id (records without one last, in their order), as the engine's sort does.
    static func sortedByID(_ output: String) -> [String] {
        let records = output.split(separator: "\n").map(String.init)
        func id(_ line: String) -> String {
            let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            return ((object?["input"] as? [String: Any])?["id"] as? String) ?? "~"
        }
        return records.enumerated().sorted { (id($0.element), $0.offset) < (id($1.element), $1.offset) }.map(\.element)
    }

    @Test("one record per input line in input order, errors as records with the feature's id, exit 0 unless --verdict-status")
    func records() throws {
        let input = try Self.lines(copies: 1)
        let run = try redline(["batch", "-"], stdin: Data((input.joined(separator: "\n") + "\n\n").utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let records = run.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(records.count == input.count, "one record per non-blank line")
        let ids = records.map { ($0["input"] as? [String: Any])?["id"] as? String }
        #expect(Array(ids.prefix(examples.count)) == (0..<examples.count).map { "P0-\($0)" })
        #expect((records[examples.count]["error"] as? String)?.contains("Self-intersection") == true && ids[examples.count] == "BAD0")
        #expect((records.last?["error"] as? String)?.contains("not valid JSON") == true)
        // Nothing names the partition: no file, no index; the checksum is the feature's own.
        for record in records {
            let inputMember = record["input"] as? [String: Any]
            #expect(inputMember?["file"] == nil && inputMember?["feature"] == nil && (inputMember?["sha256"] as? String)?.count == 64)
        }
        let provenance = (records[0]["provenance"] as? [String: Any])?["input"] as? [String: Any]
        #expect(provenance?["file"] is NSNull && provenance?["sha256"] as? String == (records[0]["input"] as? [String: Any])?["sha256"] as? String)
        let strict = try redline(["batch", "-", "--verdict-status"], stdin: Data(input.joined(separator: "\n").utf8))
        #expect(strict.status == 12, "prohibited (4) with errors (8)")
    }

    @Test("splitting the input into 1, 2, 3 or 7 parts and sorting the union by id gives the same bytes as the whole")
    func partitionIndependence() throws {
        let input = try Self.lines(copies: 2)
        let whole = try redline(["batch", "-"], stdin: Data(input.joined(separator: "\n").utf8))
        #expect(whole.status == 0)
        let expected = Self.sortedByID(whole.stdout)
        #expect(expected.count == input.count)
        for parts in [1, 2, 3, 7] {
            var union = ""
            for part in 0..<parts {
                let slice = input.enumerated().filter { $0.offset % parts == part }.map(\.element)
                // Different window sizes too: records must not depend on what they were screened with.
                let run = try redline(["batch", "-", "--window", "\(part + 2)"], stdin: Data(slice.joined(separator: "\n").utf8))
                #expect(run.status == 0, "\(run.stderr)")
                union += run.stdout
            }
            #expect(Self.sortedByID(union) == expected, "\(parts) parts")
        }
    }

    @Test("--districts loads one county's zones: its features get the whole folder's records, others are refused as outside the data")
    func regionalLoad() throws {
        let input = try Self.lines(copies: 1)
        let whole = try redline(["batch", "-"], stdin: Data(input.joined(separator: "\n").utf8)).stdout.split(separator: "\n")
        let jizhou = try redline(["batch", "-", "--districts", "120119"], stdin: Data(input.joined(separator: "\n").utf8)).stdout.split(separator: "\n")
        #expect(whole.count == jizhou.count)
        var compared = 0
        for (full, regional) in zip(whole, jizhou) {
            let object = (try? JSONSerialization.jsonObject(with: Data(full.utf8))) as? [String: Any]
            let districts = (object?["project"] as? [String: Any])?["districts"] as? [String] ?? []
            if districts == ["蓟州区"] {
                #expect(full == regional)
                compared += 1
            } else if object?["verdict"] != nil {
                #expect(regional.contains("outside every district"), "\(regional.prefix(300))")
            }
        }
        #expect(compared >= 8, "\(compared) Jizhou examples compared")
        let box = try redline(["batch", "-", "--bbox", "117.3,39.9,117.8,40.3"], stdin: Data(input.joined(separator: "\n").utf8)).stdout.split(separator: "\n")
        #expect(zip(whole, box).filter { $0.0 == $0.1 }.count >= compared, "the Jizhou box gives the same records for the Jizhou examples")
        let unknown = try redline(["batch", "-", "--districts", "999999"], stdin: Data())
        #expect(unknown.status == 1 && unknown.stderr.contains("--districts") && unknown.stderr.contains("ADM-120119"), "\(unknown.stderr)")
    }

    @Test("--source-key carries where a feature came from into its record")
    func sourceKey() throws {
        let input = try Self.lines(copies: 1)
        let run = try redline(["batch", "-", "--source-key", "source"], stdin: Data(input[0].utf8))
        let record = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let source = (record["input"] as? [String: Any])?["source"] as? String
        #expect(source == (examples[0] as NSString).lastPathComponent)
        #expect(((record["provenance"] as? [String: Any])?["input"] as? [String: Any])?["file"] as? String == source)
    }

    @Test("records come out window by window while the input is still open")
    func flushedAsItGoes() throws {
        let input = try Self.lines(copies: 1)
        let process = Process()
        process.executableURL = try redlineBinary()
        process.arguments = ["batch", "-", "--window", "2"]
        process.currentDirectoryURL = root
        let inPipe = Pipe(), out = Pipe()
        process.standardInput = inPipe
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        inPipe.fileHandleForWriting.write(Data((input[0] + "\n" + input[1] + "\n").utf8))
        // The first window's two records arrive before we send anything more.
        var received = Data()
        while received.filter({ $0 == UInt8(ascii: "\n") }).count < 2 {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        #expect(received.filter { $0 == UInt8(ascii: "\n") }.count == 2)
        try inPipe.fileHandleForWriting.close()
        received.append(out.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && received.filter { $0 == UInt8(ascii: "\n") }.count == 2)
    }
}
