import Foundation
import Testing

/// Whether PySpark and a Java runtime are there to run scale/spark_screen.py.
private let sparkMissing: String? = {
    let check = Process()
    check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    check.arguments = ["sh", "-c", "command -v java >/dev/null && python3 -c 'import pyspark' 2>/dev/null"]
    check.standardOutput = FileHandle.nullDevice
    check.standardError = FileHandle.nullDevice
    guard (try? check.run()) != nil else { return "cannot run sh" }
    check.waitUntilExit()
    return check.terminationStatus == 0 ? nil : "PySpark or Java is missing (pip install pyspark; apt-get install openjdk-17-jre-headless)"
}()

@Suite(
    "scale/spark_screen.py: Spark partitions, redline batch - screens",
    .enabled(if: sparkMissing == nil, "\(sparkMissing ?? ""): the Spark scale-out is not tested")
)
struct SparkScaleOutTests {
    @Test("in local[2] with 3 partitions, keyed by adcode or grid cell, the records sorted by id equal redline batch - on the whole input")
    func sparkEqualsWholeRun() throws {
        var input = try StreamModeTests.lines(copies: 10)
        // Half the parcels state their county, the rest are keyed by grid cell.
        input = input.enumerated().map { index, line in
            index % 2 == 0 ? line.replacingOccurrences(of: #""properties":{"#, with: #""properties":{"adcode":"120119","#) : line
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-spark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let parcels = folder.appendingPathComponent("parcels.ndjson")
        try Data((input.joined(separator: "\n") + "\n").utf8).write(to: parcels)

        let whole = try redline(["batch", "-"], stdin: Data(input.joined(separator: "\n").utf8))
        #expect(whole.status == 0)

        let spark = Process()
        spark.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        spark.arguments = [
            "python3", root.appendingPathComponent("scale/spark_screen.py").path, "--master", "local[2]", "--partitions", "3",
            "--redline", try redlineBinary().path, "--data", root.appendingPathComponent("geodata").path, "--input", parcels.path,
            "--output", folder.appendingPathComponent("out").path,
        ]
        let err = Pipe()
        spark.standardOutput = FileHandle.nullDevice
        spark.standardError = err
        try spark.run()
        let log = err.fileHandleForReading.readDataToEndOfFile()
        spark.waitUntilExit()
        #expect(spark.terminationStatus == 0, "\(String(decoding: log, as: UTF8.self).suffix(3000))")

        let parts = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).filter { $0.hasPrefix("part-") }.sorted()
        #expect(parts.count == 3)
        let records = try parts.map { try String(contentsOf: folder.appendingPathComponent("out/\($0)"), encoding: .utf8) }.joined()
            .split(separator: "\n").map(String.init)
        // Spark sorts by id, then by the record's bytes (ids are unique here but for the line that is not JSON).
        func id(_ line: String) -> String? {
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]).flatMap { ($0["input"] as? [String: Any])?["id"] as? String }
        }
        let expected = whole.stdout.split(separator: "\n").map(String.init).sorted { left, right in
            switch (id(left), id(right)) {
            case let (a?, b?): return (a, left) < (b, right)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return left < right
            }
        }
        #expect(records.count == input.count)
        #expect(records == expected, "Spark's records differ from the whole run's")
    }
}
