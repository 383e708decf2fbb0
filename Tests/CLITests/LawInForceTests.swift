import Foundation
import Geo
import Testing

/// The cells the 2026-12 legal review changed, and the law taken as of a day, through the CLI on the bundled data.
@Suite("Rules on the law in force (legal review 2026-12)")
struct LawInForceTests {
    /// A point footprint written to a temporary file.
    static func point(_ lon: Double, _ lat: Double) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redline-law-\(UUID().uuidString).geojson").path
        try Data("{\"type\":\"Point\",\"coordinates\":[\(lon),\(lat)]}".utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The JSON report's finding for `zone`, and the report's bases by id.
    static func screen(_ arguments: [String], zone: String) throws -> (finding: JSONObject, bases: [String: JSONObject], status: Int32) {
        let run = try redline(["screen"] + arguments + ["--format", "json"])
        let report = try #require(try JSONValue.parse(Array(run.stdout.utf8)).objectValue, "\(run.stderr)")
        let findings = (report["findings"]?.arrayValue ?? []).compactMap(\.objectValue)
        let finding = try #require(
            findings.first { $0["zone"]?.objectValue?["id"]?.stringValue == zone && $0["relation"] != "nearby" },
            "\(arguments) should meet \(zone)")
        var bases: [String: JSONObject] = [:]
        for basis in (report["bases"]?.arrayValue ?? []).compactMap(\.objectValue) {
            if let id = basis["id"]?.stringValue { bases[id] = basis }
        }
        return (finding, bases, run.status)
    }

    static func rule(_ finding: JSONObject) -> (outcome: String?, approvals: [String], bases: [String]) {
        let rule = finding["rule"]?.objectValue
        return (
            rule?["outcome"]?.stringValue, (rule?["approvals"]?.arrayValue ?? []).compactMap(\.stringValue),
            (rule?["bases"]?.arrayValue ?? []).compactMap(\.stringValue)
        )
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var lon: Double
        var lat: Double
        var arguments: [String]
        var zone: String
        var outcome: String
        var approvals: [String]
        var basis: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "FB × TP new: no high-polluting fuel → R:FB (Code Art. 207)", lon: 117.40, lat: 40.04, arguments: ["--category", "TP"],
            zone: "JZ-FB-01", outcome: "restricted", approvals: ["FB"], basis: "eec-2026-art207"),
        Case(
            name: "FB × IH expand → R:FB", lon: 117.40, lat: 40.04, arguments: ["--category", "IH", "--action", "expand"],
            zone: "JZ-FB-01", outcome: "restricted", approvals: ["FB"], basis: "eec-2026-art207"),
        Case(
            name: "D2 × RE with zero discharge → R:DW2 (Code Art. 320)", lon: 117.45006, lat: 40.00721,
            arguments: ["--category", "RE", "--discharges-to-water", "false"], zone: "JZ-DW-YQ-2", outcome: "restricted", approvals: ["DW2"],
            basis: "eec-2026-art320"),
        Case(
            name: "D2 × TR discharging → P", lon: 117.45006, lat: 40.00721, arguments: ["--category", "TR", "--discharges-to-water", "true"],
            zone: "JZ-DW-YQ-2", outcome: "prohibited", approvals: [], basis: "eec-2026-art320"),
        Case(
            name: "PK × LV → P (nature parks as general control zones, Code Art. 861)", lon: 117.5269, lat: 40.12972,
            arguments: ["--category", "LV"], zone: "JZ-FP-JLS", outcome: "prohibited", approvals: [], basis: "eec-2026-art861"),
        Case(
            name: "NRe × FO → R:NR (planting and tending only)", lon: 117.51478, lat: 40.19406, arguments: ["--category", "FO"],
            zone: "JZ-NR-BXS-E", outcome: "restricted", approvals: ["NR"], basis: "nrr-2026-general-control"),
        Case(
            name: "SR by its alias scientific_research, in the red line", lon: 117.51478, lat: 40.19406,
            arguments: ["--category", "scientific_research"], zone: "JZ-RL-02", outcome: "conditional", approvals: [], basis: "rl-142-item1"),
    ]

    @Test("a changed cell, screened, gives its new outcome, approval and basis", arguments: cases)
    func changedCell(_ c: Case) throws {
        let path = try Self.point(c.lon, c.lat)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (finding, bases, _) = try Self.screen([path] + c.arguments + ["--as-of", "2026-12-06"], zone: c.zone)
        let rule = Self.rule(finding)
        #expect(rule.outcome == c.outcome)
        #expect(rule.approvals == c.approvals)
        #expect(rule.bases.contains(c.basis), "\(rule.bases)")
        let basis = try #require(bases[c.basis])
        #expect(basis["standing"]?.objectValue?["state"] == "in_force")
    }

    @Test("a landfill in the red line is prohibited with Code Art. 481 cited")
    func landfillInRedLine() throws {
        let (finding, bases, status) = try Self.screen(["geodata/examples/jz_pig_farm_yuqiao_level1.geojson", "--category", "LF"], zone: "JZ-RL-04")
        #expect(status == 4)
        let rule = Self.rule(finding)
        #expect(rule.outcome == "prohibited")
        #expect(rule.bases.prefix(2) == ["eec-2026-art481", "eec-2026-art60"])
        #expect(bases["eec-2026-art481"]?["article_en"]?.stringValue?.hasPrefix("Art. 481") == true)
    }

    @Test("a road tunnelling under a legacy-coded reserve core zone is R:NRX now, and was prohibited as of 2025-06-01")
    func legacyCoreTunnel() throws {
        let path = "geodata/examples/jz_road_surface_baxianshan.geojson"
        let now = try Self.screen([path, "--crossing", "tunnel", "--as-of", "2026-12-06"], zone: "JZ-NR-BXS-C")
        #expect(Self.rule(now.finding).outcome == "restricted")
        #expect(Self.rule(now.finding).approvals == ["NRX"])
        #expect(Self.rule(now.finding).bases.contains("nrr-2026-art26-27-linear"))
        let before = try Self.screen([path, "--crossing", "tunnel", "--as-of", "2025-06-01"], zone: "JZ-NR-BXS-C")
        #expect(Self.rule(before.finding).outcome == "prohibited")
        #expect(before.bases["nrr-2017-art32-1"]?["standing"]?.objectValue?["state"] == "in_force")
        #expect(before.bases["nrr-2026-art26-core"]?["standing"]?.objectValue?["state"] == "not_yet_in_force")
        // At the surface it is prohibited on either day.
        #expect(Self.rule(try Self.screen([path, "--as-of", "2026-12-06"], zone: "JZ-NR-BXS-C").finding).outcome == "prohibited")
    }

    @Test("--as-of 2025-06-01 shows the Water Pollution Law article in force and the Code's not yet, in text and JSON")
    func beforeTheCode() throws {
        let path = "geodata/examples/jz_pig_farm_yuqiao_level1.geojson"
        let (finding, bases, _) = try Self.screen([path, "--as-of", "2025-06-01"], zone: "JZ-DW-YQ-1")
        #expect(Self.rule(finding).bases.prefix(2) == ["eec-2026-art319", "wpcl-2017-art65"])
        #expect(bases["wpcl-2017-art65"]?["standing"]?.objectValue?["state"] == "in_force")
        #expect(bases["eec-2026-art319"]?["standing"]?.objectValue?["state"] == "not_yet_in_force")
        #expect(bases["tj-2020-9"]?["standing"]?.objectValue?["state"] == "in_force")

        let zh = try redline(["screen", path, "--as-of", "2025-06-01", "--lang", "zh"]).stdout
        let waterLaw = try #require(zh.split(separator: "\n").first { $0.hasPrefix("  [wpcl-2017-art65]") })
        #expect(waterLaw.contains("全国人民代表大会常务委员会《中华人民共和国水污染防治法》（主席令第七十号（2017年修正））第六十五条"))
        #expect(waterLaw.contains("2025-06-01现行有效"))
        let code = try #require(zh.split(separator: "\n").first { $0.hasPrefix("  [eec-2026-art319]") })
        #expect(code.contains("2025-06-01尚未施行"))
        #expect(zh.contains("按 2025-06-01 的法律状态筛查"))

        let en = try redline(["screen", path, "--as-of", "2026-12-06"]).stdout
        let repealed = try #require(en.split(separator: "\n").first { $0.hasPrefix("  [wpcl-2017-art65]") })
        #expect(repealed.contains("repealed on 2026-12-06 (from 2026-08-15), replaced by"))
    }

    @Test("--as-of that is not a date is a usage error")
    func badDate() throws {
        let run = try redline(["screen", "geodata/examples/jz_pig_farm_yuqiao_level1.geojson", "--as-of", "2025-02-30"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--as-of \"2025-02-30\" is not a date"), "\(run.stderr)")
    }

    @Test("geodata/rules/check_ruleset.py passes the shipped ruleset and fails one with a mirror URL or a clause with no basis in force")
    func checker() throws {
        func check(_ path: String) throws -> Run {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "geodata/rules/check_ruleset.py", path, "--quiet"]
            process.currentDirectoryURL = root
            let out = Pipe()
            process.standardOutput = out
            process.standardError = out
            try process.run()
            let text = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Run(status: process.terminationStatus, stdout: String(decoding: text, as: UTF8.self), stderr: "")
        }
        let shipped = try check("geodata/rules/ruleset.json")
        #expect(shipped.status == 0, "\(shipped.stdout)")
        #expect(shipped.stdout.contains("result: OK"))

        let text = try String(contentsOf: root.appendingPathComponent("geodata/rules/ruleset.json"), encoding: .utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A mirror site as the source of the 142号 notice.
        let mirror = folder.appendingPathComponent("mirror.json")
        try Data(text.replacingOccurrences(of: "https://www.mee.gov.cn/xxgk2018", with: "http://xhut.cn/xxgk2018").utf8).write(to: mirror)
        let mirrorRun = try check(mirror.path)
        #expect(mirrorRun.status == 1)
        #expect(mirrorRun.stdout.contains("is not on an official publisher's host"), "\(mirrorRun.stdout)")
        // The Code articles for drinking water not yet in force: the D1–D3 clauses then rest on repealed text only.
        let repealedOnly = folder.appendingPathComponent("repealed.json")
        var edited = text
        for article in ["317", "318", "319", "320", "321"] {
            // Only the clauses' citations (12 spaces in): the definitions and superseded_by stay.
            edited = edited.replacingOccurrences(of: "\n            \"eec-2026-art\(article)\",", with: "")
        }
        try Data(edited.utf8).write(to: repealedOnly)
        let repealedRun = try check(repealedOnly.path)
        #expect(repealedRun.status == 1)
        #expect(repealedRun.stdout.contains("cites no basis in force on as_of"), "\(repealedRun.stdout)")
    }
}
