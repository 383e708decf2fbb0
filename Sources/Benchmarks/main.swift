import Foundation
import Geo
import Screening

// redline-bench: timings of RedLine on real files. Build with `swift build -c release --product redline-bench`.
//
//   redline-bench load FILE...           read GeoJSON files: time, features, vertices, peak memory
//   redline-bench area ZONES [OUT.json]  zone-area report stages (load+validate, report) and peak memory;
//                                         writes the report in the schema ../shared/bench/compare.py reads
//   redline-bench screen DATA_DIR OUT.json [--jobs N] [--zone-report]
//                                         the bench workload (zones.geojson, footprints.geojson of
//                                         ../shared/bench/gen_dataset.py) through the screener: per-stage
//                                         times, peak memory, answers in compare.py's schema

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

func format(_ value: Double) -> String { String(format: "%.3f", value) }

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "load" where arguments.count >= 2:
        for path in arguments.dropFirst() {
            var collection = FeatureCollection(features: [])
            let time = try seconds { collection = try GeoJSON.read(contentsOf: path) }
            let vertices = collection.features.reduce(0) { $0 + ($1.geometry?.numberOfPoints ?? 0) }
            print(
                "load \(path): \(format(time)) s, \(collection.features.count) features, \(vertices) vertices, \(collection.rejected.count) rejected, peak RSS \(Int(peakResidentMegabytes())) MB"
            )
        }
    case "area" where arguments.count >= 2:
        var reading: DatasetReading?
        let loadTime = try seconds { reading = try DatasetReader.read(arguments[1]) }
        guard let reading else { exit(1) }
        var report: AreaReport?
        let reportTime = try seconds { report = try AreaReporter.report(reading.dataset, districtBreakdown: false, overlapMatrix: false) }
        guard let report else { exit(1) }
        print(
            "area \(arguments[1]): load+validate \(format(loadTime)) s (\(reading.dataset.zones.count) zones, \(reading.problems.count) problems), zone_report \(format(reportTime)) s, peak RSS \(Int(peakResidentMegabytes())) MB"
        )
        if arguments.count >= 3 {
            let rows: [JSONValue] = report.groups.map { group in
                .object(
                    JSONObject([
                        "kind": .string(group.kind.rawValue), "level": .string(group.level), "zones": .number(JSONNumber(group.zones)),
                        "sum_area_m2": JSONNumber(group.sumArea.squareMetres).map(JSONValue.number) ?? .null,
                        "union_area_m2": JSONNumber(group.unionArea.squareMetres).map(JSONValue.number) ?? .null,
                        "sum_area_km2": JSONNumber(group.sumArea.squareKilometres).map(JSONValue.number) ?? .null,
                        "union_area_km2": JSONNumber(group.unionArea.squareKilometres).map(JSONValue.number) ?? .null,
                    ]))
            }
            let document = JSONValue.object(
                JSONObject([
                    "meta": .object(
                        JSONObject([
                            "tool": "redline-bench area",
                            "timings_s": .object(
                                JSONObject([
                                    "load": JSONNumber(loadTime).map(JSONValue.number) ?? .null,
                                    "zone_report": JSONNumber(reportTime).map(JSONValue.number) ?? .null,
                                ])),
                        ])),
                    "footprints": .array([]),
                    "zone_area_report": .array(rows),
                ]))
            try Data(document.prettyPrinted().utf8).write(to: URL(fileURLWithPath: arguments[2]))
        }
    case "screen" where arguments.count >= 3:
        try benchScreen(folder: arguments[1], out: arguments[2], options: Array(arguments.dropFirst(3)))
    default:
        print(
            "usage: redline-bench load FILE... | redline-bench area ZONES.geojson [OUT.json] | redline-bench screen DATA_DIR OUT.json [--jobs N] [--zone-report]"
        )
        exit(2)
    }
} catch {
    print("redline-bench: \(error)")
    exit(1)
}
