import Foundation
import Geo
import Screening

/// The bench workload through the screener, timed by stage, answers written as compare.py reads them.
func benchScreen(folder: String, out: String, options: [String]) throws {
    var jobs = defaultWorkerCount
    if let at = options.firstIndex(of: "--jobs"), at + 1 < options.count, let n = Int(options[at + 1]) { jobs = max(1, n) }
    let withZoneReport = options.contains("--zone-report")
    let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("geodata/rules/ruleset.json").path
    var timings: [(String, Double)] = []
    let total = DispatchTime.now().uptimeNanoseconds
    func stage<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        timings.append((name, seconds))
        FileHandle.standardError.write(Data(("  " + name.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: " %8.3f s\n", seconds)).utf8))
        return value
    }

    let (reading, footprints) = try stage("load") {
        (
            try DatasetReader.read((folder as NSString).appendingPathComponent("zones.geojson")),
            try GeoJSON.read(contentsOf: (folder as NSString).appendingPathComponent("footprints.geojson"))
        )
    }
    let ruleset = try Ruleset.load(contentsOf: rules)
    let projects = try stage("validate") { () throws -> [Project] in
        guard reading.problems.filter({ $0.severity == .error }).isEmpty else {
            throw ScreeningError.invalidData(reading.problems.map { .data(file: $0.file, feature: nil, message: $0.message) })
        }
        return try Submission.read(footprints, file: "footprints.geojson", repair: true).map { try $0.result.get().project }
    }
    let screener = try stage("index") { () throws -> Screener in
        let screener = try Screener(dataset: reading.dataset, ruleset: ruleset)
        if let first = projects.first?.footprint { try screener.prepareDistances(near: first) }
        return screener
    }
    let results = try stage("screen") { try screener.screen(projects, workers: jobs).map { try $0.get() } }
    var zoneReport: AreaReport?
    if withZoneReport { zoneReport = try stage("zone_report") { try AreaReporter.report(reading.dataset, districtBreakdown: false, overlapMatrix: false) } }
    try stage("write") {
        // Records are serialised on all cores in slices, then joined in order.
        let slices = max(1, jobs * 4)
        let size = (results.count + slices - 1) / slices
        let texts = try parallelMap(slices, workers: jobs) { slice in
            (min(results.count, slice * size)..<min(results.count, (slice + 1) * size)).map { record(results[$0]).compact() }.joined(separator: ",")
        }
        var meta = JSONObject()
        meta["tool"] = "redline-bench screen (RedLine Screener)"
        meta["jobs"] = .number(JSONNumber(jobs))
        meta["timings_s"] = .object(JSONObject(members: timings.map { ($0.0, number($0.1)) }))
        var root = JSONObject()
        root["meta"] = .object(meta)
        root["footprints"] = .array([])
        if let zoneReport {
            root["zone_area_report"] = .array(
                zoneReport.groups.map { group in
                    .object(
                        JSONObject([
                            "kind": .string(group.kind.rawValue), "level": .string(group.level), "zones": .number(JSONNumber(group.zones)),
                            "sum_area_m2": number(group.sumArea.squareMetres), "union_area_m2": number(group.unionArea.squareMetres),
                            "sum_area_km2": number(group.sumArea.squareKilometres), "union_area_km2": number(group.unionArea.squareKilometres),
                        ]))
                })
        }
        // The footprints array is spliced in as text: "…"footprints":[]…" becomes "…"footprints":[records]…".
        let skeleton = JSONValue.object(root).compact()
        guard let hole = skeleton.range(of: "\"footprints\":[]") else {
            throw ScreeningError.data(file: out, feature: nil, message: "internal: no footprints member")
        }
        let document =
            skeleton[..<hole.lowerBound] + "\"footprints\":[" + texts.filter { !$0.isEmpty }.joined(separator: ",") + "]" + skeleton[hole.upperBound...]
        try Data(document.utf8).write(to: URL(fileURLWithPath: out))
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - total) / 1e9
    let summary =
        "  total        " + String(format: "%8.3f s   peak RSS %d MB, %d footprints, %d jobs\n", seconds, Int(peakResidentMegabytes()), results.count, jobs)
    FileHandle.standardError.write(Data(summary.utf8))
}

/// One footprint's answers in compare.py's schema.
private func record(_ result: ScreeningResult) -> JSONValue {
    var record = JSONObject()
    record["id"] = .string(result.project.id ?? "")
    record["category"] = .string(result.category.code)
    record["geom_type"] = .string(result.project.footprint.kind.name)
    if let area = result.footprintArea { record["area_m2"] = number(area.squareMetres) }
    if let length = result.footprintLength { record["length_m"] = number(length) }
    record["intersections"] = .array(
        result.findings.filter { $0.relation != .nearby }.map { finding in
            var row = JSONObject()
            row["zone_id"] = .string(finding.zone.id)
            row["kind"] = .string(finding.zone.kind.rawValue)
            row["level"] = .string(finding.zone.level.code)
            if let area = finding.overlapArea {
                row["overlap_area_m2"] = number(area.squareMetres)
                if let share = finding.overlapShare { row["overlap_pct"] = number(share * 100) }
            }
            if let length = finding.overlapLength { row["overlap_length_m"] = number(length) }
            return .object(row)
        })
    var nearest = JSONObject()
    for entry in result.nearest {
        nearest[entry.kind.rawValue] = .object(JSONObject(["zone_id": .string(entry.zone.id), "distance_m": number(entry.distance)]))
    }
    record["nearest_within_5km"] = .object(nearest)
    return .object(record)
}

private func number(_ value: Double) -> JSONValue {
    JSONNumber(value).map(JSONValue.number) ?? .null
}
