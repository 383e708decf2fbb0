import Foundation
import Geo
import Reports
import Screening

/// The row of one project in a batch: its result or its error.
struct BatchRow: Sendable {
    var item: BatchItem
    var result: Result<ScreeningResult, ScreeningError>
}

/// Writes the batch's files as results arrive, so that memory does not grow with the number of projects and an
/// interrupted run leaves complete, valid files for what finished.
final class BatchOutputs {
    private let csv: FileHandle
    private let jsonl: FileHandle
    private let geojson: FileHandle
    private var firstOverlap = true
    private let dataset: Dataset
    private let ruleset: Ruleset
    private let folder: String
    /// HTML: one report per project under reports/, and the index entries collected for index.html.
    private let htmlLanguage: Language?
    private var indexEntries: [BatchIndexPage.Entry] = []
    private var rowNumber = 0

    static let csvHeader = [
        "id", "name", "category", "verdict", "zones_hit", "protected_overlap_m2", "protected_overlap_length_m",
        "nearest_zone_m", "approvals", "file", "feature", "error",
    ]

    init(folder: String, dataset: Dataset, ruleset: Ruleset, htmlLanguage: Language? = nil) throws {
        self.folder = folder
        self.htmlLanguage = htmlLanguage
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if htmlLanguage != nil {
            try FileManager.default.createDirectory(atPath: (folder as NSString).appendingPathComponent("reports"), withIntermediateDirectories: true)
        }
        func open(_ name: String) throws -> FileHandle {
            let path = (folder as NSString).appendingPathComponent(name)
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            guard let handle = FileHandle(forWritingAtPath: path) else { throw CLIError.input("\(path): cannot write") }
            try handle.truncate(atOffset: 0)
            return handle
        }
        csv = try open("results.csv")
        jsonl = try open("results.jsonl")
        geojson = try open("overlaps.geojson")
        self.dataset = dataset
        self.ruleset = ruleset
        // A byte-order mark and CRLF line ends: Excel and WPS then read the UTF-8 Chinese text correctly.
        write(csv, "\u{FEFF}" + BatchOutputs.csvHeader.joined(separator: ",") + "\r\n")
        write(geojson, "{\"type\":\"FeatureCollection\",\"features\":[")
    }

    private func write(_ handle: FileHandle, _ text: String) {
        handle.write(Data(text.utf8))
    }

    /// Appends one project to every file.
    func append(_ row: BatchRow) {
        let item = row.item
        rowNumber += 1
        switch row.result {
        case let .success(result):
            let provenance = Provenance(
                toolVersion: RedLineVersion.current, libraries: LibraryVersions.summary,
                inputFile: item.file, inputSHA256: item.inputSHA256)
            let notes = (try? item.project.get().notes) ?? []
            if let language = htmlLanguage { writeReport(result, item: item, provenance: provenance, notes: notes, language: language) }
            let protectedArea = result.protectedOverlapArea.map { String(format: "%.2f", $0.squareMetres) } ?? ""
            let protectedLength = result.protectedOverlapLength.map { String(format: "%.2f", $0) } ?? ""
            let nearest = result.nearest.map(\.distance).min().map { String(format: "%.2f", $0) } ?? ""
            let zones = result.findings.filter { $0.relation != .nearby }.map(\.zone.id)
            var seen = Set<String>()
            let uniqueZones = zones.filter { seen.insert($0).inserted }
            write(
                csv,
                [
                    result.project.id ?? "", result.project.name ?? "", result.category.code, result.verdict.rawValue,
                    uniqueZones.joined(separator: ";"), protectedArea, protectedLength, nearest,
                    result.approvals.map(\.code).joined(separator: ";"), item.file, item.featureIndex.map(String.init) ?? "", "",
                ]
                .map(CSV.field).joined(separator: ",") + "\r\n")
            var line = JSONReport.value(result, dataset: dataset, ruleset: ruleset, provenance: provenance, notes: notes).objectValue ?? JSONObject()
            line["input"] = .object(JSONObject(["file": .string(item.file), "feature": item.featureIndex.map { .number(JSONNumber($0)) } ?? .null]))
            write(jsonl, JSONValue.object(line).compact() + "\n")
            for finding in result.findings where finding.relation != .nearby {
                guard let geometry = finding.overlapGeometry, !geometry.isEmpty else { continue }
                var properties = JSONObject()
                properties["project_id"] = result.project.id.map(JSONValue.string) ?? .null
                properties["zone_id"] = .string(finding.zone.id)
                properties["kind"] = .string(finding.zone.kind.rawValue)
                properties["level"] = .string(finding.zone.level.code)
                properties["relation"] = .string(finding.relation.rawValue)
                properties["outcome"] = .string(finding.effectiveOutcome.rawValue)
                if let area = finding.overlapArea {
                    properties["overlap_area_m2"] = JSONNumber(Double(String(format: "%.2f", area.squareMetres)) ?? 0).map(JSONValue.number) ?? .null
                }
                if let length = finding.overlapLength {
                    properties["overlap_length_m"] = JSONNumber(Double(String(format: "%.2f", length)) ?? 0).map(JSONValue.number) ?? .null
                }
                let feature = Feature(properties: properties, geometry: geometry)
                write(geojson, (firstOverlap ? "\n" : ",\n") + String(decoding: GeoJSON.encode(feature, options: .init(coordinateDecimals: 8)), as: UTF8.self))
                firstOverlap = false
            }
        case let .failure(error):
            // The project could not be screened (the screener refused it) or not even read: its id is still the feature's.
            let submitted = try? item.project.get()
            let id = submitted?.project.id ?? item.featureID ?? ""
            if htmlLanguage != nil {
                indexEntries.append(
                    BatchIndexPage.Entry(
                        id: id, name: submitted?.project.name ?? "", category: submitted?.project.category ?? "",
                        verdict: nil, error: error.description, link: nil, place: nil))
            }
            write(
                csv,
                [
                    id, submitted?.project.name ?? "", submitted?.project.category ?? "", "error", "", "", "", "", "",
                    item.file, item.featureIndex.map(String.init) ?? "", error.description,
                ].map(CSV.field).joined(separator: ",") + "\r\n")
            let line = JSONObject([
                "schema": .string(JSONReport.schema), "error": .string(error.description),
                "input": .object(
                    JSONObject([
                        "file": .string(item.file), "feature": item.featureIndex.map { .number(JSONNumber($0)) } ?? .null,
                        "id": id.isEmpty ? .null : .string(id),
                    ])),
            ])
            write(jsonl, JSONValue.object(line).compact() + "\n")
        }
    }

    /// One project's HTML report under reports/, and its line on the index.
    private func writeReport(_ result: ScreeningResult, item: BatchItem, provenance: Provenance, notes: [LocalizedText], language: Language) {
        let safeID = (result.project.id ?? "").unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" ? String($0) : "_" }
            .joined()
        let name = String(format: "reports/%06d%@.html", rowNumber, safeID.isEmpty ? "" : "-" + safeID)
        var link: String?
        do {
            let html = try HTMLReport.render(result, dataset: dataset, ruleset: ruleset, provenance: provenance, language: language, notes: notes)
            try Data(html.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
            link = name
        } catch {
            FileHandle.standardError.write(Data("redline batch: no HTML report for \(result.project.id ?? name): \(error)\n".utf8))
        }
        indexEntries.append(
            BatchIndexPage.Entry(
                id: result.project.id ?? "", name: result.project.name ?? "", category: result.category.code,
                verdict: result.verdict, error: nil, link: link,
                place: try? result.project.footprint.pointOnSurface().pointCoordinate))
    }

    /// Closes the GeoJSON collection and flushes everything.
    func finish() {
        if let language = htmlLanguage, let page = try? BatchIndexPage.render(indexEntries, dataset: dataset, language: language) {
            try? Data(page.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("index.html")))
        }
        write(geojson, "\n]}\n")
        for handle in [csv, jsonl, geojson] {
            try? handle.synchronize()
            try? handle.close()
        }
    }
}
