import Foundation
import Geo
import GeoFormats
import Reports
import Screening

/// The fuzz targets: each reads an input as one of RedLine's parsers or the screener does, and says what is wrong
/// beyond a crash — a property that does not hold, or an input accepted that should have been refused. Run by the
/// libFuzzer driver (`scripts/fuzz`) and, for every kept input, by `swift test`.
public enum FuzzCheck: String, CaseIterable, Sendable {
    /// A GeoJSON file: Feature, FeatureCollection or geometry.
    case geojson
    /// Newline-delimited GeoJSON, line by line.
    case ndjson
    /// A 界址点 coordinate file (UTF-8 or GB18030).
    case boundaryPoints = "boundary-points"
    /// A ruleset file.
    case ruleset
    /// A data folder's catalog.json over a small folder of layers.
    case catalog
    /// A footprint screened against the bundled data, end to end.
    case screen
}

/// A property that did not hold for an input.
public struct FuzzProblem: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Runs one check over inputs; built once (the screen check loads the bundled data, the catalog check writes its
/// small folder), then called for every input.
public final class FuzzHarness: @unchecked Sendable {
    public let check: FuzzCheck
    private let screening: ScreeningSession?
    private let catalogFolder: URL?

    /// - Parameter repository: the repository root (for the bundled data and ruleset).
    public init(_ check: FuzzCheck, repository: URL) throws {
        self.check = check
        switch check {
        case .screen:
            let dataset = try Dataset.load(folder: repository.appendingPathComponent("geodata").path)
            let ruleset = try Ruleset.load(contentsOf: dataset.rulesetPath)
            screening = try ScreeningSession(dataset: dataset, ruleset: ruleset, files: NoVectorFiles(), toolVersion: "fuzz")
            catalogFolder = nil
        case .catalog:
            screening = nil
            catalogFolder = try Self.makeCatalogFolder()
        default:
            screening = nil
            catalogFolder = nil
        }
    }

    /// Checks one input. Errors the input earns (a located refusal) are fine; a property broken is a `FuzzProblem`.
    public func run(_ bytes: [UInt8]) throws(FuzzProblem) {
        switch check {
        case .geojson: try Self.geoJSON(bytes)
        case .ndjson: try Self.lines(bytes)
        case .boundaryPoints: try Self.boundaryPoints(bytes)
        case .ruleset: _ = try? Ruleset.read(bytes, file: "fuzz-ruleset.json")
        case .catalog: try catalog(bytes)
        case .screen: try screen(bytes)
        }
    }

    // MARK: - Parsers

    /// Read → write → read gives the same geometries and properties; and what our reader accepts, strict JSON accepts.
    static func geoJSON(_ bytes: [UInt8]) throws(FuzzProblem) {
        guard let collection = try? GeoJSON.read(bytes, file: "fuzz.geojson") else { return }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        // A feature refused with its reason (a number too large for a coordinate, say) is not a silent pass.
        if collection.rejected.isEmpty, (try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])) == nil {
            throw FuzzProblem("accepted text that strict JSON (Foundation) refuses: \(preview(bytes))")
        }
        try roundTrip(collection)
    }

    static func roundTrip(_ collection: FeatureCollection) throws(FuzzProblem) {
        let written = GeoJSON.encode(collection)
        guard let again = try? GeoJSON.read(written, file: "round-trip.geojson") else {
            throw FuzzProblem("what we wrote does not read back: \(preview(written))")
        }
        guard again.features.count == collection.features.count else {
            throw FuzzProblem("\(collection.features.count) features written, \(again.features.count) read back")
        }
        for (before, after) in zip(collection.features, again.features) {
            guard before.properties == after.properties else { throw FuzzProblem("properties changed in the round trip: \(preview(written))") }
            let first = before.geometry.map { GeoJSON.string($0) }, second = after.geometry.map { GeoJSON.string($0) }
            guard first == second else { throw FuzzProblem("geometry changed in the round trip: \(first ?? "nil") → \(second ?? "nil")") }
        }
    }

    static func lines(_ bytes: [UInt8]) throws(FuzzProblem) {
        for (_, read) in GeoJSON.readLines(bytes, file: "fuzz.ndjson") {
            if case let .success(collection) = read { try roundTrip(collection) }
        }
    }

    /// A file read gives parcels in CGCS2000 lon/lat: finite coordinates inside the geographic range.
    static func boundaryPoints(_ bytes: [UInt8]) throws(FuzzProblem) {
        guard let (_, parcels) = try? BoundaryPointFile.read(bytes, file: "fuzz.txt") else { return }
        guard !parcels.isEmpty else { throw FuzzProblem("a file with no parcel was accepted: \(preview(bytes))") }
        for parcel in parcels {
            guard let envelope = parcel.geometry.envelope else { throw FuzzProblem("parcel \(parcel.number) has an empty geometry") }
            let finite = [envelope.minX, envelope.minY, envelope.maxX, envelope.maxY].allSatisfy(\.isFinite)
            guard finite, envelope.minX >= -180, envelope.maxX <= 180, envelope.minY >= -90, envelope.maxY <= 90 else {
                throw FuzzProblem("parcel \(parcel.number) is not lon/lat: \(envelope)")
            }
        }
    }

    // MARK: - Catalog

    /// A folder with a one-zone layer and the shipped ruleset; the input becomes its catalog.json.
    static func makeCatalogFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-fuzz-catalog-\(getpid())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("layers"), withIntermediateDirectories: true)
        let layer =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"W1","name":"水源","kind":"water_source","level":"1"},"geometry":{"type":"Polygon","coordinates":[[[117.0,40.0],[117.01,40.0],[117.01,40.01],[117.0,40.0]]]}}]}"#
        try Data(layer.utf8).write(to: folder.appendingPathComponent("layers/water_source.geojson"))
        return folder
    }

    private func catalog(_ bytes: [UInt8]) throws(FuzzProblem) {
        guard let folder = catalogFolder else { return }
        do { try Data(bytes).write(to: folder.appendingPathComponent("catalog.json")) } catch { return }
        guard let dataset = try? Dataset.load(folder: folder.path) else { return }
        for zone in dataset.zones where zone.geometry.isEmpty {
            throw FuzzProblem("zone \(zone.id) loaded with an empty geometry")
        }
    }

    // MARK: - Screening

    static let verdicts: Set<String> = ["clear", "conditional", "restricted", "prohibited"]

    /// Up to 4 footprints of the input screened: every verdict known, every share in [0, 1], areas and lengths not
    /// negative; the same footprint given in GCJ-02 screens to the same verdict; screening the features as two
    /// halves of a stream gives the same records as all at once.
    private func screen(_ bytes: [UInt8]) throws(FuzzProblem) {
        guard let session = screening else { return }
        var options = SubmissionOptions()
        options.defaults = ProjectOverrides(category: "RE")
        guard let features = try? Submission.features(atPath: "fuzz.geojson", bytes: bytes, files: NoVectorFiles(), options: options) else { return }
        let day = CalendarDay(iso: "2026-12-06") ?? .today()
        var screenedLines: [ArraySlice<UInt8>] = []
        for feature in features.prefix(4) {
            guard case let .success(submitted) = feature.result, let result = try? session.screener.screen(submitted.project, on: day) else { continue }
            guard Self.verdicts.contains(result.verdict.rawValue) else { throw FuzzProblem("unknown verdict \(result.verdict)") }
            for finding in result.findings {
                if let share = finding.overlapShare, !(share >= 0 && share <= 1 + 1e-9) {
                    throw FuzzProblem("overlap share \(share) with \(finding.zone.id) for \(Self.preview(bytes))")
                }
                if let area = finding.overlapArea, !(area.squareMetres >= 0) { throw FuzzProblem("negative overlap area with \(finding.zone.id)") }
                if let length = finding.overlapLength, !(length >= 0) { throw FuzzProblem("negative overlap length with \(finding.zone.id)") }
            }
            try gcj02RoundTrip(submitted.project, verdict: result.verdict, session: session, day: day)
            screenedLines.append(ArraySlice(GeoJSON.encode(Feature(properties: nil, geometry: submitted.project.footprint))))
        }
        guard screenedLines.count >= 2 else { return }
        let stream = StreamRecords(session: session, options: options, sourceKey: nil, on: day)
        let whole = stream.records(for: screenedLines, workers: 1).map(\.line)
        let half = screenedLines.count / 2
        let split =
            stream.records(for: Array(screenedLines[..<half]), workers: 1).map(\.line)
            + stream.records(for: Array(screenedLines[half...]), workers: 1).map(\.line)
        guard whole == split else { throw FuzzProblem("records differ when the input is split in two: \(Self.preview(bytes))") }
    }

    /// The footprint as drawn on an Amap (GCJ-02) map and converted back screens to the same verdict.
    private func gcj02RoundTrip(_ project: Project, verdict: Verdict, session: ScreeningSession, day: CalendarDay) throws(FuzzProblem) {
        guard let envelope = project.footprint.envelope, WebMapDatum.isInsideChina(envelope.center),
            let drawn = try? WebMapDatum.gcj02.fromWGS84(project.footprint),
            let back = try? WebMapDatum.gcj02.toWGS84(drawn)
        else { return }
        var moved = project
        moved.footprint = back
        guard let again = try? session.screener.screen(moved, on: day) else {
            throw FuzzProblem("the GCJ-02 round trip of a screenable footprint cannot be screened")
        }
        guard again.verdict == verdict else {
            throw FuzzProblem("verdict \(verdict) became \(again.verdict) after the GCJ-02 round trip")
        }
    }

    static func preview(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(300), as: UTF8.self)
        return bytes.count > 300 ? text + "…" : text
    }
}
