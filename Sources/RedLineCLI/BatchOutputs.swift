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
        write(csv, BatchRows.csvHeaderLine)
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
            // A screened project was read, so its reading notes are there.
            let notes: [LocalizedText] = if case let .success(submitted) = item.project { submitted.notes } else { [] }
            if let language = htmlLanguage { writeReport(result, item: item, provenance: provenance, notes: notes, language: language) }
            let input = BatchRows.Input(file: item.file, featureIndex: item.featureIndex, featureID: item.featureID)
            write(csv, BatchRows.csvRow(result, input: input))
            write(jsonl, BatchRows.jsonLine(result, dataset: dataset, ruleset: ruleset, provenance: provenance, notes: notes, input: input))
            for feature in BatchRows.overlapFeatures(result) {
                write(geojson, (firstOverlap ? "\n" : ",\n") + String(decoding: GeoJSON.encode(feature, options: .init(coordinateDecimals: 8)), as: UTF8.self))
                firstOverlap = false
            }
        case let .failure(error):
            // The project could not be screened (the screener refused it) or not even read: its id is still the feature's.
            // The row's error is already this project's; a project that failed to read has no name or category to show.
            let submitted = try? item.project.get()
            let id = submitted?.project.id ?? item.featureID ?? ""
            if htmlLanguage != nil {
                indexEntries.append(
                    BatchIndexPage.Entry(
                        id: id, name: submitted?.project.name ?? "", category: submitted?.project.category ?? "",
                        verdict: nil, error: error.description, link: nil, place: nil))
            }
            let input = BatchRows.Input(file: item.file, featureIndex: item.featureIndex, featureID: item.featureID)
            write(csv, BatchRows.csvErrorRow(error, project: submitted?.project, input: input))
            write(jsonl, BatchRows.jsonErrorLine(error, project: submitted?.project, input: input))
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
                // The marker on the index map; a footprint GEOS cannot place is listed without one.
                place: try? result.project.footprint.pointOnSurface().pointCoordinate))
    }

    /// Closes the GeoJSON collection and flushes everything.
    ///
    /// - Throws: when the index page cannot be made or a file cannot be written to disk: the run then fails rather
    ///   than leave files that look complete.
    func finish() throws {
        if let language = htmlLanguage {
            let page = try BatchIndexPage.render(indexEntries, dataset: dataset, language: language)
            try Data(page.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("index.html")))
        }
        write(geojson, "\n]}\n")
        for handle in [csv, jsonl, geojson] {
            try handle.synchronize()
            try handle.close()
        }
    }
}
