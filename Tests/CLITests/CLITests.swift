import Foundation
import Geo
import Testing

/// The repository root and the built binary (next to the test bundle in the build folder).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func redlineBinary() throws -> URL {
    var directory = Bundle.main.bundleURL
    for _ in 0..<3 {
        let candidate = directory.appendingPathComponent("redline")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    struct NotBuilt: Error, CustomStringConvertible { var description: String { "the redline binary was not found next to the tests" } }
    throw NotBuilt()
}

struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `redline` with arguments from the repository root (or `directory`).
func redline(_ arguments: [String], environment: [String: String] = [:], directory: URL = root) throws -> Run {
    let process = Process()
    process.executableURL = try redlineBinary()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
}

/// Every example footprint with its expected answer written beside it.
let examples: [String] = {
    let folder = root.appendingPathComponent("geodata/examples")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".geojson") }.sorted().map { "geodata/examples/\($0)" }
}()

@Suite("The redline command")
struct CLITests {
    @Test("--version prints the version and --help names the screen command")
    func versionAndHelp() throws {
        let version = try redline(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try redline(["--help"])
        #expect(help.stdout.contains("screen"))
    }

    @Test("--feature 1 picks feature 1 alone, not also the error of feature 10")
    func featureSelectionByNumber() throws {
        let features = (0...10).map { index in
            let properties = index == 10 ? "{}" : "{\"category\":\"LV\"}"
            return "{\"type\":\"Feature\",\"properties\":\(properties),\"geometry\":{\"type\":\"Point\",\"coordinates\":[117.4,40.0]}}"
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redline-eleven-\(UUID().uuidString).geojson").path
        try Data(("{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",") + "]}").utf8).write(to: URL(fileURLWithPath: path))
        let first = try redline(["screen", path, "--feature", "1"])
        #expect(first.status == 2, "\(first.stderr)")
        let tenth = try redline(["screen", path, "--feature", "10"])
        #expect(tenth.status == 1 && tenth.stderr.contains("no project category"), "\(tenth.stderr)")
    }

    @Test("there are examples to run")
    func examplesExist() {
        #expect(examples.count >= 8)
    }

    @Test("every example in geodata/examples gets its expected verdict, exit status, zones, outcomes and areas", arguments: examples)
    func example(path: String) throws {
        let expectedURL = root.appendingPathComponent(path.replacingOccurrences(of: ".geojson", with: ".expected.json"))
        let expected = try #require(try JSONValue.parse(contentsOf: expectedURL.path).objectValue)
        // The examples state the verdict as the strictest outcome; allowed and no_rule read as clear.
        let stated = try #require(expected["verdict"]?.stringValue)
        let verdict = ["allowed": "clear", "no_rule": "clear"][stated] ?? stated
        let run = try redline(["screen", path, "--format", "json"])
        let statuses = ["clear": 0, "conditional": 2, "restricted": 3, "prohibited": 4]
        #expect(run.status == Int32(statuses[verdict] ?? -1), "\(path): \(run.stderr)")
        let report = try #require(try JSONValue.parse(Array(run.stdout.utf8)).objectValue)
        #expect(report["verdict"]?.stringValue == verdict)
        let findings = (report["findings"]?.arrayValue ?? []).compactMap(\.objectValue)
        func zoneID(_ finding: JSONObject) -> String? { finding["zone"]?.objectValue?["id"]?.stringValue }
        let met = findings.filter { $0["relation"] != "nearby" }
        // Every key an expectation names must be in the report: a renamed member fails here rather than passing silently.
        for entry in (expected["intersects"]?.arrayValue ?? []).compactMap(\.objectValue) {
            let id = try #require(entry["id"]?.stringValue, "\(path): an expected zone without an id")
            let found = try #require(met.first { zoneID($0) == id }, "\(path) should meet \(id)")
            if let outcome = entry["outcome"]?.stringValue {
                // The matrix rule's outcome; a zone no column covers has no rule.
                let got = try found["rule"].map { try #require($0.objectValue?["outcome"]?.stringValue, "\(path): \(id) rule without an outcome") } ?? "no_rule"
                #expect(got == outcome, "\(path): \(id) outcome \(got), expected \(outcome)")
            }
            if let area = entry["area_m2"]?.doubleValue {
                let got = try #require(found["overlap_area_m2"]?.doubleValue, "\(path): \(id) has no overlap_area_m2")
                #expect(abs(got - area) <= max(1, area * 1e-3), "\(path): \(id) overlap \(got) m², expected \(area) m²")
            }
            if let length = entry["length_m"]?.doubleValue {
                let got = try #require(found["overlap_length_m"]?.doubleValue, "\(path): \(id) has no overlap_length_m")
                #expect(abs(got - length) <= max(1, length * 1e-3), "\(path): \(id) overlap \(got) m, expected \(length) m")
            }
        }
        let nearby = Dictionary(
            findings.filter { $0["relation"] == "nearby" }.compactMap { f -> (String, Double)? in
                guard let id = zoneID(f), let distance = f["distance_m"]?.doubleValue else { return nil }
                return (id, distance)
            }, uniquingKeysWith: min)
        for entry in (expected["nearby"]?.arrayValue ?? []).compactMap(\.objectValue) {
            let id = try #require(entry["id"]?.stringValue, "\(path): an expected nearby zone without an id")
            let got = try #require(nearby[id], "\(path) should flag \(id) nearby (with a distance_m)")
            if let approx = entry["distance_m"]?.doubleValue {
                // The examples round distances to 10 m.
                #expect(abs(got - approx) <= 10, "\(path): \(id) at \(got) m, expected about \(approx) m")
            }
        }
    }

    @Test("the JSON report is byte-identical across runs, and both languages render")
    func deterministicAndBilingual() throws {
        let path = try #require(examples.first)
        let first = try redline(["screen", path, "--format", "json"])
        let second = try redline(["screen", path, "--format", "json"])
        #expect(first.stdout == second.stdout)
        #expect(!first.stdout.isEmpty)
        let zh = try redline(["screen", path, "--lang", "zh"])
        #expect(zh.stdout.contains("结论："))
        #expect(zh.stdout.contains("示意数据"))
        let en = try redline(["screen", path])
        #expect(en.stdout.contains("VERDICT: "))
        #expect(en.stdout.contains("ILLUSTRATIVE DATA"))
    }

    @Test("bad input exits 1 with the file, the feature and the problem on stderr")
    func badInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cases: [(String, String, String)] = [
            ("truncated.geojson", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"ab"#, "line 1"),
            (
                "bowtie.geojson",
                #"{"type":"Feature","properties":{"id":"B1","category":"IG"},"geometry":{"type":"Polygon","coordinates":[[[117.4,39.9],[117.41,39.91],[117.41,39.9],[117.4,39.91],[117.4,39.9]]]}}"#,
                "Self-intersection"
            ),
            (
                "metres.geojson", #"{"type":"Feature","properties":{"category":"IG"},"geometry":{"type":"Point","coordinates":[534157.6,4429605.7]}}"#,
                "projected metres"
            ),
            ("empty.geojson", #"{"type":"Feature","properties":{"category":"IG"},"geometry":{"type":"Polygon","coordinates":[]}}"#, "empty"),
            ("nocategory.geojson", #"{"type":"Point","coordinates":[117.4,40.0]}"#, "--category"),
        ]
        for (name, text, expected) in cases {
            let file = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            let run = try redline(["screen", file.path])
            #expect(run.status == 1, "\(name)")
            #expect(run.stderr.contains(file.path), "\(name): \(run.stderr)")
            #expect(run.stderr.contains(expected), "\(name): \(run.stderr)")
        }
        // With --repair the bowtie is screened and the repair is stated.
        let repaired = try redline(["screen", folder.appendingPathComponent("bowtie.geojson").path, "--repair"])
        #expect(repaired.stdout.contains("repaired with GEOS make-valid"))
    }
}

@Suite("Data commands")
struct DataCommandTests {
    @Test("area reports the bundled data in every format")
    func area() throws {
        let text = try redline(["area"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("ecological protection red line"))
        let zh = try redline(["area", "--lang", "zh", "--format", "markdown"])
        #expect(zh.stdout.contains("| 生态保护红线 |"))
        let csv = try redline(["area", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("\u{FEFF}scope,kind,level"))
        let json = try redline(["area", "--format", "json"])
        let value = try JSONValue.parse(Array(json.stdout.utf8))
        #expect(value.objectValue?["schema"] == "redline-area/1")
    }

    @Test("zones check passes the bundled data and fails a folder with a broken zone")
    func check() throws {
        let clean = try redline(["zones", "check"])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("layers"), withIntermediateDirectories: true)
        try Data(#"{"dataset":"t","version":"1","layers":[{"file":"layers/w.geojson","kind":"water_source","status":"illustrative"}]}"#.utf8)
            .write(to: folder.appendingPathComponent("catalog.json"))
        try Data(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"W","kind":"water_source","level":"1"},"geometry":{"type":"Polygon","coordinates":[[[117.4,39.9],[117.41,39.91],[117.41,39.9],[117.4,39.91],[117.4,39.9]]]}}]}"#
                .utf8
        )
        .write(to: folder.appendingPathComponent("layers/w.geojson"))
        let broken = try redline(["zones", "check", "--data", folder.path])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("layers/w.geojson, feature 0 (id W): invalid geometry: Self-intersection"))
        let fixed = folder.path + "-fixed"
        let repair = try redline(["zones", "check", "--data", folder.path, "--fix", fixed])
        #expect(repair.status == 1)
        #expect(try redline(["zones", "check", "--data", fixed]).status == 0)
        #expect(try String(contentsOfFile: fixed + "/fix-log.txt", encoding: .utf8).contains("repaired invalid geometry"))
    }

    @Test("diff of the bundled data with itself passes; with the red line cut it fails with exit status 2")
    func diff() throws {
        let same = try redline(["diff", "geodata", "geodata"])
        #expect(same.status == 0)
        #expect(same.stdout.contains("PASS"))
        // A copy of the red-line layer without its first zone.
        let layer = try GeoJSON.read(contentsOf: root.appendingPathComponent("geodata/layers/ecological_redline.geojson").path)
        var cut = layer
        cut.features.removeFirst()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("redline-diff-\(UUID().uuidString).geojson")
        try Data(GeoJSON.encode(cut)).write(to: file)
        let lost = try redline(["diff", "geodata/layers/ecological_redline.geojson", file.path, "--format", "json"])
        #expect(lost.status == 2, "\(lost.stderr)")
        let report = try JSONValue.parse(Array(lost.stdout.utf8)).objectValue
        #expect(report?["red_line"]?.objectValue?["result"] == "fail")
    }
}

@Suite("Batch screening")
struct BatchTests {
    static let fixture = "Tests/CLITests/Fixtures/batch"

    func outputs(jobs: Int) throws -> (Run, URL) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("redline-batch-\(UUID().uuidString)")
        let run = try redline(["batch", Self.fixture, "--out", out.path, "--jobs", String(jobs), "--quiet"])
        return (run, out)
    }

    @Test("a batch with bad features gives the right rows, the error rows, the golden CSV and exit status 12")
    func rowsAndErrors() throws {
        let (run, out) = try outputs(jobs: 2)
        // Worst verdict prohibited (4) plus 8 for the inputs with errors.
        #expect(run.status == 12, "\(run.stderr)")
        let csv = try String(contentsOf: out.appendingPathComponent("results.csv"), encoding: .utf8)
        let golden = try String(contentsOf: root.appendingPathComponent("Tests/CLITests/Fixtures/batch.expected.csv"), encoding: .utf8)
        #expect(csv == golden)
        let rows = csv.split(separator: "\r\n").dropFirst()
        #expect(rows.count == 12)
        #expect(rows.filter { $0.contains(",error,") }.count == 4)
        #expect(rows.contains { $0.hasPrefix("EX-01,") && $0.contains(",prohibited,") })
        #expect(rows.contains { $0.hasPrefix("BAD-BOWTIE,") && $0.contains(",error,") && $0.contains("Self-intersection") })
        #expect(rows.contains { $0.contains("lines.ndjson,2,") && $0.contains("not valid JSON") })
        // Every JSON line parses; the GeoJSON is a valid FeatureCollection.
        let lines = try String(contentsOf: out.appendingPathComponent("results.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 12)
        for line in lines { #expect((try? JSONValue.parse(Array(line.utf8))) != nil) }
        let overlaps = try GeoJSON.read(contentsOf: out.appendingPathComponent("overlaps.geojson").path)
        #expect(overlaps.rejected.isEmpty)
        #expect(!overlaps.features.isEmpty)
        #expect(run.stdout.contains("prohibited") && run.stdout.contains("Errors:"))
    }

    @Test("the output files are the same bytes with 1 and with 2 threads")
    func deterministic() throws {
        let (_, one) = try outputs(jobs: 1)
        let (_, two) = try outputs(jobs: 2)
        for name in ["results.csv", "results.jsonl", "overlaps.geojson"] {
            let a = try Data(contentsOf: one.appendingPathComponent(name)), b = try Data(contentsOf: two.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between 1 and 2 threads")
        }
    }

    @Test("a project outside every district is an error row naming its file and feature; the summary lists 20 errors and counts the rest")
    func outsideDistricts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // 25 small squares near Shanghai, far outside the bundled districts, then one inside Jizhou's red line.
        var lines: [String] = (0..<25).map { i in
            let x = 121.0 + Double(i) * 0.01
            return
                #"{"type":"Feature","properties":{"id":"SH\#(i)","category":"LV"},"geometry":{"type":"Polygon","coordinates":[[[\#(x),31.0],[\#(x + 0.001),31.0],[\#(x + 0.001),31.001],[\#(x),31.001],[\#(x),31.0]]]}}"#
        }
        let example = try String(contentsOf: root.appendingPathComponent("Tests/CLITests/Fixtures/batch/more/lines.ndjson"), encoding: .utf8)
        lines.append(String(example.split(separator: "\n").first ?? ""))
        let file = folder.appendingPathComponent("mixed.ndjson")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let run = try redline(["batch", file.path, "--out", folder.appendingPathComponent("out").path])
        #expect(run.status & 8 == 8, "\(run.stderr)")
        #expect(run.stdout.contains("\(file.path), feature 1 (id SH0): the footprint lies outside every district"))  // NDJSON counts lines from 1
        #expect(run.stdout.contains("… 5 more (see results.csv)"))
        let csv = try String(contentsOf: folder.appendingPathComponent("out/results.csv"), encoding: .utf8)
        #expect(csv.contains("feature 25 (id SH24): the footprint lies outside every district"))
    }

    @Test("after Ctrl-C the files are complete and valid for what finished")
    func interrupted() throws {
        // Many copies of the examples, so that the run is still going when the signal arrives.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-many-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let line =
            try String(contentsOf: root.appendingPathComponent("Tests/CLITests/Fixtures/batch/more/lines.ndjson"), encoding: .utf8)
            .split(separator: "\n").first.map(String.init) ?? ""
        try Data(String(repeating: line + "\n", count: 4000).utf8).write(to: folder.appendingPathComponent("many.ndjson"))
        let out = folder.appendingPathComponent("out")
        let process = Process()
        process.executableURL = try redlineBinary()
        process.arguments = ["batch", folder.appendingPathComponent("many.ndjson").path, "--out", out.path, "--quiet", "--window", "64"]
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for the first rows, then interrupt.
        let csvPath = out.appendingPathComponent("results.csv").path
        for _ in 0..<200 {
            if let size = try? FileManager.default.attributesOfItem(atPath: csvPath)[.size] as? Int, size > 2000 { break }
            usleep(50_000)
        }
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let csv = try String(contentsOfFile: csvPath, encoding: .utf8)
        let rows = csv.split(separator: "\r\n").dropFirst()
        #expect(!rows.isEmpty && rows.count < 4000)
        #expect(csv.hasSuffix("\r\n"))
        let lines = try String(contentsOf: out.appendingPathComponent("results.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == rows.count)
        for line in lines { #expect((try? JSONValue.parse(Array(line.utf8))) != nil) }
        #expect(try GeoJSON.read(contentsOf: out.appendingPathComponent("overlaps.geojson").path).rejected.isEmpty)
    }
}

/// Every web address in `text` is on an official publisher's host (the citation of a basis), never a mirror.
func printedAddressesAreOfficial(_ text: String) -> Bool {
    let official = ["www.mee.gov.cn", "zfxxgk.lf.gov.cn", "www.gov.cn", "flk.npc.gov.cn", "www.npc.gov.cn", "www.mnr.gov.cn"]
    return text.components(separatedBy: "://").dropFirst().allSatisfy { rest in
        official.contains { rest.hasPrefix($0 + "/") }
    }
}

@Suite("HTML reports")
struct HTMLReportTests {
    @Test("the HTML report is self-contained, names every zone met and draws one map feature per zone, overlap and footprint", arguments: ["en", "zh"])
    func report(lang: String) throws {
        let path = "geodata/examples/jz_solar_partly_in_redline.geojson"
        let run = try redline(["screen", path, "--format", "html", "--lang", lang])
        #expect(run.status == 4)
        let html = run.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        // Nothing to fetch: no link, script, external style or font; a web address appears only as the printed
        // citation of an official publisher's page.
        for forbidden in ["href=", "//cdn", "<script", "<link", "@import", "url(http", "url(/", "src="] {
            #expect(!html.contains(forbidden), "\(lang): found \(forbidden)")
        }
        #expect(printedAddressesAreOfficial(html), "\(lang)")
        #expect(html.contains(lang == "zh" ? "结论：禁止" : "Verdict: PROHIBITED"))
        #expect(html.contains(lang == "zh" ? "示意数据" : "ILLUSTRATIVE DATA"))
        // The JSON report of the same screening says which zones it met.
        let json = try JSONValue.parse(Array(try redline(["screen", path, "--format", "json"]).stdout.utf8))
        let findings = json.objectValue?["findings"]?.arrayValue?.compactMap(\.objectValue) ?? []
        let met = findings.filter { $0["relation"] != "nearby" }
        for finding in findings {
            let name = finding["zone"]?.objectValue?["name"]?.stringValue ?? ""
            #expect(html.contains(name), "\(lang): \(name) missing")
        }
        // One footprint; one hatched overlap per zone met that is not a control unit.
        #expect(html.components(separatedBy: "class=\"footprint\"").count - 1 == 1)
        let hatched = met.filter { $0["zone"]?.objectValue?["kind"] != "control_unit" }.count
        #expect(html.components(separatedBy: "class=\"overlap\"").count - 1 == hatched)
        // Every zone met is drawn on the map.
        for finding in met {
            let id = finding["zone"]?.objectValue?["id"]?.stringValue ?? ""
            #expect(html.contains("data-zone=\"\(id)\""), "\(lang): zone \(id) not on the map")
        }
        #expect(html.contains("EPSG:4548"))
    }

    @Test("a 5 m² well pad and a 30 km road both get a legible map")
    func scales() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // 5 m² ≈ 2.2 m square at 40°N; the road runs 30 km east–west across Jizhou.
        let pad =
            #"{"type":"Feature","properties":{"category":"WS"},"geometry":{"type":"Polygon","coordinates":[[[117.40,40.00],[117.400026,40.00],[117.400026,40.00002],[117.40,40.00002],[117.40,40.00]]]}}"#
        let road =
            #"{"type":"Feature","properties":{"category":"RD"},"geometry":{"type":"LineString","coordinates":[[117.25,40.02],[117.45,40.03],[117.60,40.02]]}}"#
        for (name, text) in [("pad.geojson", pad), ("road.geojson", road)] {
            let file = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            let run = try redline(["screen", file.path, "--format", "html"])
            #expect(run.stdout.contains("class=\"footprint\""), "\(name): \(run.stderr)")
            #expect(run.stdout.contains("<svg"))
        }
    }
}

@Suite("PDF reports")
struct PDFReportTests {
    @Test("--format pdf prints through headless Chromium when it is installed, and says how to install it when not")
    func pdf() throws {
        let path = "geodata/examples/jz_hotel_panshan_core.geojson"
        let hasChromium = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"].contains { name in
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
        }
        if hasChromium {
            let run = try redline(["screen", path, "--format", "pdf"])
            #expect(run.status == 4, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("%PDF"))
        }
        // Without Chromium on the PATH the message names the package.
        let missing = try redline(["screen", path, "--format", "pdf"], environment: ["PATH": "/nonexistent"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("apt-get install chromium"))
    }
}

@Suite("Batch HTML reports")
struct BatchHTMLTests {
    @Test("batch --html writes a report per project and an index with every project on the map, linked, with nothing to fetch")
    func index() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("redline-batch-html-\(UUID().uuidString)")
        let run = try redline(["batch", BatchTests.fixture, "--out", out.path, "--html", "--quiet"])
        #expect(run.status == 12, "\(run.stderr)")
        // Without --out it is a usage error (exit 64), found before any data is read.
        let usage = try redline(["batch", BatchTests.fixture, "--html", "--data", "/nonexistent"])
        #expect(usage.status == 64 && usage.stderr.contains("--html needs --out DIR"), "\(usage.stderr)")
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        let csvRows = try String(contentsOf: out.appendingPathComponent("results.csv"), encoding: .utf8).split(separator: "\r\n").dropFirst()
        let screened = csvRows.filter { !$0.contains(",error,") }.count
        #expect(index.components(separatedBy: "class=\"project\"").count - 1 == screened)
        let links = index.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
        #expect(links.count == screened)
        for link in links {
            #expect(!link.contains(":"), "links are relative: \(link)")
            let report = try String(contentsOf: out.appendingPathComponent(link), encoding: .utf8)
            #expect(!report.contains("href=") && !report.contains("src=") && printedAddressesAreOfficial(report))
        }
        #expect(!index.contains("http:") && !index.contains("https:"))
        #expect(index.contains("BAD-BOWTIE"))
    }
}

@Suite("Chinese web-map coordinates")
struct WebMapTests {
    static func overlaps(_ run: Run) throws -> [String: Double] {
        let findings = try JSONValue.parse(Array(run.stdout.utf8)).objectValue?["findings"]?.arrayValue?.compactMap(\.objectValue) ?? []
        var result: [String: Double] = [:]
        for finding in findings where finding["relation"] != "nearby" {
            if let id = finding["zone"]?.objectValue?["id"]?.stringValue { result[id] = finding["overlap_area_m2"]?.doubleValue ?? 0 }
        }
        return result
    }

    @Test("a footprint converted to GCJ-02 and screened with --datum gcj02 gives the same findings as the original; unconverted it would not")
    func gcj02() throws {
        let original = "geodata/examples/jz_solar_partly_in_redline.geojson"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-gcj-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let expected = try Self.overlaps(redline(["screen", original, "--format", "json"]))
        for datum in ["gcj02", "bd09"] {
            let converted = folder.appendingPathComponent("\(datum).geojson").path
            #expect(try redline(["convert", original, converted, "--to-datum", datum]).status == 0)
            let screened = try redline(["screen", converted, "--datum", datum, "--format", "json"])
            let got = try Self.overlaps(screened)
            #expect(Set(got.keys) == Set(expected.keys), "\(datum)")
            for (zone, area) in expected {
                // Coordinates are written to 1e-8° (about 1 mm): areas agree to well under a square metre.
                #expect(abs((got[zone] ?? -1) - area) <= 1 + area * 1e-5, "\(datum) \(zone): \(got[zone] ?? -1) vs \(area)")
            }
            #expect(screened.stdout.contains("was converted from"))
            // Screened as if it were WGS 84, the offset footprint lands hundreds of metres away and the answer changes.
            let wrong = try Self.overlaps(redline(["screen", converted, "--format", "json"]))
            #expect(wrong != got)
        }
    }

    @Test("the same parcel as GeoJSON and as a 界址点 file in EPSG:4527 yields the same findings; in a batch folder the .txt is an input and a README.txt is not")
    func sameParcelEveryWay() throws {
        let original = "geodata/examples/jz_solar_partly_in_redline.geojson"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-parcel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let txt = folder.appendingPathComponent("parcel.txt").path
        #expect(try redline(["convert", original, txt]).status == 0)
        let text = try String(contentsOfFile: txt, encoding: .utf8)
        #expect(text.contains("带号=39") && text.contains(",39534"))
        let expected = try Self.overlaps(redline(["screen", original, "--format", "json"]))
        let fromText = try redline(["screen", txt, "--category", "PV", "--format", "json"])
        let got = try Self.overlaps(fromText)
        #expect(Set(got.keys) == Set(expected.keys))
        for (zone, area) in expected {
            // 界址点 coordinates are written to the millimetre: areas agree to about a square metre.
            #expect(abs((got[zone] ?? -1) - area) <= 1 + area * 1e-5, "\(zone): \(got[zone] ?? -1) vs \(area)")
        }
        #expect(fromText.stdout.contains("界址点"))
        // In a folder given to batch, the 界址点 .txt is an input and a README.txt beside it is not.
        try Data("Parcels for the 2026 review.\n".utf8).write(to: folder.appendingPathComponent("README.txt"))
        let out = folder.path + "-out"
        let batch = try redline(["batch", folder.path, "--default-category", "PV", "--out", out, "--quiet"])
        #expect(batch.status == 4, "\(batch.stdout)\(batch.stderr)")
        let rows = try String(contentsOfFile: out + "/results.csv", encoding: .utf8).split(separator: "\r\n").dropFirst()
        #expect(rows.count == 1 && rows.allSatisfy { $0.contains("parcel.txt") && !$0.contains(",error,") }, "\(rows)")
    }
}

@Suite("GDAL formats")
struct GDALFormatTests {
    /// Runs ogr2ogr (Debian gdal-bin, installed by scripts/install-deps) to make the test files with GDAL's own tools.
    static func ogr2ogr(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ogr2ogr")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "ogr2ogr \(arguments)")
    }

    @Test("the same parcel as Shapefile (GBK with and without .cpg, and in EPSG:4527 via .prj), GeoPackage and KML gives the GeoJSON's findings")
    func footprints() throws {
        let original = root.appendingPathComponent("geodata/examples/jz_solar_partly_in_redline.geojson").path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-gdal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        try Self.ogr2ogr(["-f", "ESRI Shapefile", path("gbk.shp"), original, "-lco", "ENCODING=CP936"])
        try Self.ogr2ogr(["-f", "ESRI Shapefile", path("nocpg.shp"), original, "-lco", "ENCODING=CP936"])
        try FileManager.default.removeItem(atPath: path("nocpg.cpg"))
        try Self.ogr2ogr(["-f", "ESRI Shapefile", path("gk.shp"), original, "-t_srs", "EPSG:4527", "-lco", "ENCODING=UTF-8"])
        try Self.ogr2ogr(["-f", "GPKG", path("parcel.gpkg"), original])
        try Self.ogr2ogr(["-f", "KML", path("parcel.kml"), original])
        try Self.ogr2ogr(["-f", "LIBKML", path("parcel.kmz"), original])
        try Self.ogr2ogr(["-f", "OpenFileGDB", path("parcel.gdb"), original])
        let expected = try WebMapTests.overlaps(redline(["screen", original, "--format", "json"]))
        for name in ["gbk.shp", "nocpg.shp", "gk.shp", "parcel.gpkg", "parcel.kml", "parcel.kmz", "parcel.gdb"] {
            let run = try redline(["screen", path(name), "--category", "PV", "--format", "json"])
            #expect(run.status == 4, "\(name): \(run.stderr)")
            let got = try WebMapTests.overlaps(run)
            #expect(Set(got.keys) == Set(expected.keys), "\(name)")
            for (zone, area) in expected { #expect(abs((got[zone] ?? -1) - area) <= 0.01 + area * 1e-9, "\(name) \(zone)") }
            if name.hasSuffix(".shp") {
                let project = try JSONValue.parse(Array(run.stdout.utf8)).objectValue?["project"]?.objectValue
                #expect(project?["name"]?.stringValue == "北部山前地面光伏电站（约40公顷）", "\(name): Chinese name decoded")
            }
        }
        // The same folder as one batch: every file is a project, each prohibited, none an error.
        let out = folder.path + "-out"
        let batch = try redline(["batch", folder.path, "--default-category", "PV", "--out", out, "--quiet"])
        #expect(batch.status == 4, "\(batch.stderr)")
        let rows = try String(contentsOfFile: out + "/results.csv", encoding: .utf8).split(separator: "\r\n").dropFirst()
        let cells = rows.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 7 && cells.allSatisfy { $0[3] == "prohibited" }, "\(rows)")
        // KML reads the name back as "Name"; it is found all the same.
        #expect(cells.allSatisfy { $0[1] == "北部山前地面光伏电站（约40公顷）" }, "\(rows)")
        // Each row names its input by SHA-256: a file's is sha256sum's, a File Geodatabase folder's is over its files.
        var digests: [String: String] = [:]
        for line in try String(contentsOfFile: out + "/results.jsonl", encoding: .utf8).split(separator: "\n") {
            let object = try JSONValue.parse(Array(line.utf8)).objectValue
            if let file = object?["input"]?.objectValue?["file"]?.stringValue,
                let digest = object?["provenance"]?.objectValue?["input"]?.objectValue?["sha256"]?.stringValue
            {
                digests[file] = digest
            }
        }
        let sum = Process()
        let pipe = Pipe()
        sum.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        sum.arguments = [path("parcel.gpkg")]
        sum.standardOutput = pipe
        try sum.run()
        sum.waitUntilExit()
        let expectedDigest = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        #expect(digests[path("parcel.gpkg")] == String(expectedDigest))
        let emptyInput = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        #expect(digests[path("parcel.gdb")].map { $0.count == 64 && $0 != emptyInput } == true, "\(digests)")
    }

    @Test("a zone layer given as a projected Shapefile is brought to CGCS2000 and reports the GeoJSON layer's areas")
    func zoneLayer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-gdal-zones-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("layers"), withIntermediateDirectories: true)
        try Self.ogr2ogr([
            "-f", "ESRI Shapefile", folder.appendingPathComponent("layers/water.shp").path,
            root.appendingPathComponent("geodata/layers/water_source.geojson").path, "-t_srs", "EPSG:4527", "-lco", "ENCODING=UTF-8",
        ])
        try Data(#"{"dataset":"shp","version":"1","layers":[{"file":"layers/water.shp","kind":"water_source","status":"illustrative"}]}"#.utf8)
            .write(to: folder.appendingPathComponent("catalog.json"))
        func waterArea(_ data: String) throws -> Double? {
            let json = try JSONValue.parse(Array(try redline(["area", "--data", data, "--format", "json", "--no-districts", "--no-matrix"]).stdout.utf8))
            return json.objectValue?["zone_area_report"]?.arrayValue?.compactMap(\.objectValue)
                .first { $0["kind"] == "water_source" && $0["level"] == "*" }?["union_area_m2"]?.doubleValue
        }
        let fromShapefile = try #require(try waterArea(folder.path))
        let fromGeoJSON = try #require(try waterArea("geodata"))
        #expect(abs(fromShapefile - fromGeoJSON) <= fromGeoJSON * 1e-9)
        #expect(try redline(["zones", "check", "--data", folder.path]).status == 0)
        // A File Geodatabase (a folder) listed in a catalog is read too, and named by a digest over its files.
        try Self.ogr2ogr([
            "-f", "OpenFileGDB", folder.appendingPathComponent("layers/water.gdb").path,
            root.appendingPathComponent("geodata/layers/water_source.geojson").path, "-nlt", "MULTIPOLYGON", "-dim", "XY",
        ])
        try Data(#"{"dataset":"gdb","version":"1","layers":[{"file":"layers/water.gdb","kind":"water_source","status":"illustrative"}]}"#.utf8)
            .write(to: folder.appendingPathComponent("catalog.json"))
        let fromGeodatabase = try #require(try waterArea(folder.path))
        #expect(abs(fromGeodatabase - fromGeoJSON) <= fromGeoJSON * 1e-9)
        let checked = try redline(["zones", "check", "--data", folder.path])
        #expect(checked.status == 0, "\(checked.stdout)")
    }

    @Test("redline convert writes GeoPackage, Shapefile (also projected) and KML that read back to the same findings")
    func convert() throws {
        let original = "geodata/examples/jz_solar_partly_in_redline.geojson"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let expected = try WebMapTests.overlaps(redline(["screen", original, "--format", "json"]))
        for (name, extra) in [
            ("out.gpkg", [String]()), ("out.shp", []), ("out.kml", []), ("gk.shp", ["--to-crs", "EPSG:4527"]), ("gk.kml", ["--to-crs", "EPSG:4527"]),
        ] {
            let path = folder.appendingPathComponent(name).path
            let converted = try redline(["convert", original, path] + extra)
            #expect(converted.status == 0, "\(name): \(converted.stderr)")
            #expect(converted.stderr.isEmpty, "\(name): GDAL chatter on stderr: \(converted.stderr)")
            let got = try WebMapTests.overlaps(redline(["screen", path, "--category", "PV", "--format", "json"]))
            #expect(Set(got.keys) == Set(expected.keys), "\(name)")
            for (zone, area) in expected { #expect(abs((got[zone] ?? -1) - area) <= 0.01 + area * 1e-9, "\(name) \(zone)") }
        }
        let prj = try String(contentsOfFile: folder.appendingPathComponent("gk.prj").path, encoding: .utf8)
        #expect(prj.contains("CGCS2000") && prj.contains("39"))
        // A projected GeoJSON goes back to lon/lat; a --crs contradicting the file's own is refused, as screen refuses it.
        let gk = folder.appendingPathComponent("gk.geojson").path, back = folder.appendingPathComponent("back.geojson").path
        #expect(try redline(["convert", original, gk, "--to-crs", "EPSG:4527"]).status == 0)
        #expect(try redline(["convert", gk, back]).status == 0)
        let returned = try WebMapTests.overlaps(redline(["screen", back, "--category", "PV", "--format", "json"]))
        for (zone, area) in expected { #expect(abs((returned[zone] ?? -1) - area) <= 0.01 + area * 1e-9, "back \(zone)") }
        let conflict = try redline(["convert", gk, back, "--crs", "EPSG:4548"])
        #expect(conflict.status != 0 && conflict.stderr.contains("--crs says"), "\(conflict.stderr)")
        // screen words the same conflict through the library's hint.
        let screened = try redline(["screen", gk, "--category", "PV", "--crs", "EPSG:4548"])
        #expect(
            screened.status == 1 && screened.stderr.contains("the CRS declared for it is") && screened.stderr.contains("(drop --crs or the file's crs member)"),
            "\(screened.stderr)")
    }

    @Test("--crs on area reads a projected layer that does not name its CRS; without it the layer is refused")
    func areaWithDeclaredCRS() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-crs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let projected = folder.appendingPathComponent("water-gk.geojson").path
        #expect(try redline(["convert", "geodata/layers/water_source.geojson", projected, "--to-crs", "EPSG:4548"]).status == 0)
        var collection = try GeoJSON.read(contentsOf: projected)
        collection.crs = nil
        let bare = folder.appendingPathComponent("water-bare.geojson").path
        try Data(GeoJSON.encode(collection)).write(to: URL(fileURLWithPath: bare))
        #expect(try redline(["area", "--data", bare, "--no-districts", "--no-matrix"]).status == 1)
        func total(_ arguments: [String]) throws -> Double? {
            let json = try JSONValue.parse(Array(try redline(["area", "--format", "json", "--no-districts", "--no-matrix"] + arguments).stdout.utf8))
            return json.objectValue?["zone_area_report"]?.arrayValue?.compactMap(\.objectValue)
                .first { $0["kind"] == "water_source" && $0["level"] == "*" }?["union_area_m2"]?.doubleValue
        }
        let declared = try #require(try total(["--data", bare, "--crs", "EPSG:4548"]))
        let bundled = try #require(try total([]))
        // Written to the millimetre in the plane: the areas agree to 1e-7.
        #expect(abs(declared - bundled) <= bundled * 1e-7)
    }
}

@Suite("Hints: flags in the terminal, none in reports")
struct HintTests {
    @Test("a bowtie's error names --repair on the terminal; a report's notes name no flag")
    func hints() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-hints-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bowtie = folder.appendingPathComponent("bowtie.geojson").path
        try Data(#"{"type":"Polygon","coordinates":[[[117.4,39.9],[117.41,39.91],[117.41,39.9],[117.4,39.91],[117.4,39.9]]]}"#.utf8).write(
            to: URL(fileURLWithPath: bowtie))
        let refused = try redline(["screen", bowtie, "--category", "IG"])
        #expect(refused.status == 1 && refused.stderr.contains("(--repair screens GEOS's repair)"), "\(refused.stderr)")
        // A road with neither discharge nor crossing stated: the assumptions are noted in terms of attributes.
        let road = folder.appendingPathComponent("road.geojson").path
        try Data(#"{"type":"LineString","coordinates":[[117.55,40.16],[117.59,40.19]]}"#.utf8).write(to: URL(fileURLWithPath: road))
        let run = try redline(["screen", road, "--category", "RD", "--format", "json"])
        let report = try #require(try JSONValue.parse(Array(run.stdout.utf8)).objectValue, "\(run.stderr)")
        let notes = (report["notes"]?.arrayValue ?? []).compactMap { $0.objectValue?["en"]?.stringValue }
        #expect(notes.contains { $0.contains("state the project's crossing attribute") }, "\(notes)")
        #expect(!notes.contains { $0.contains("--") })
    }
}
