import Geo
import Screening

/// How a stream worker makes its records (`redline batch -`): one result line per input line, each depending only on
/// the feature, the dataset, the ruleset and the tool — never on the file, the partition or the line's place — so
/// that any split of an input, screened part by part and sorted by id, gives the same bytes as the whole.
public struct StreamRecords: Sendable {
    public let session: ScreeningSession
    public let options: SubmissionOptions
    /// A property that says where the feature came from (a file or table name the input carries), copied into the
    /// record's `input.source` and the provenance's input file.
    public let sourceKey: String?
    public let day: CalendarDay

    /// The name errors give the input: records name no file.
    static let inputName = "stdin"

    public init(session: ScreeningSession, options: SubmissionOptions, sourceKey: String?, on day: CalendarDay) {
        self.session = session
        self.options = options
        self.sourceKey = sourceKey
        self.day = day
    }

    /// The records of a window of input lines (each one GeoJSON Feature or geometry), in their order, on `workers`
    /// threads. A line that cannot be read or screened gives an error record, never a gap.
    public func records(for window: [ArraySlice<UInt8>], workers: Int) -> [Record] {
        let read: [Read]
        do {
            read = try parallelMap(window.count, workers: workers) { index in self.read(window[index]) }
        } catch {
            return window.map { line in Record(line: errorLine("not read: \(error)", id: nil, sha256: sha256Hex(Array(line)), source: nil), verdict: nil) }
        }
        let projects = read.compactMap { try? $0.feature.result.get().project }
        var screened = session.screener.screen(projects, on: day, workers: workers).makeIterator()
        // Results in read order, then rendered on all threads.
        let outcomes: [(Read, Result<ScreeningResult, ScreeningError>?)] = read.map { item in
            guard case .success = item.feature.result else { return (item, nil) }
            return (item, screened.next())
        }
        let rendered = try? parallelMap(outcomes.count, workers: workers) { index in render(outcomes[index].0, outcomes[index].1) }
        return rendered ?? outcomes.map { render($0.0, $0.1) }
    }

    /// One record: its JSON line (without the newline) and the verdict, nil for an error record.
    public struct Record: Sendable {
        public var line: String
        public var verdict: Verdict?
    }

    /// One line read: the feature as a project (or its error), its id, the SHA-256 of its canonical form, its source.
    struct Read: Sendable {
        var feature: SubmittedFeature
        var sha256: String
        var source: String?
    }

    private func read(_ line: ArraySlice<UInt8>) -> Read {
        let rawDigest = sha256Hex(Array(line))
        let collection: FeatureCollection
        do {
            collection = try GeoJSON.read(Array(line), file: Self.inputName)
        } catch {
            let message = (error as? GeoJSONError)?.message ?? "\(error)"
            return Read(feature: failed(message, id: nil), sha256: rawDigest, source: nil)
        }
        if let rejected = collection.rejected.first {
            return Read(feature: failed(rejected.message, id: rejected.featureID), sha256: rawDigest, source: nil)
        }
        guard collection.features.count == 1, let feature = collection.features.first else {
            return Read(
                feature: failed("a line must hold one Feature or geometry, not \(collection.features.count)", id: nil), sha256: rawDigest,
                source: nil)
        }
        // A line's one feature is feature 0 wherever the line was, so messages do not depend on the partition.
        let canonical = GeoJSON.encode(feature)
        let source = sourceKey.flatMap { feature.properties?[$0]?.displayText }
        let submitted = Submission.read(FeatureCollection(features: [feature], crs: collection.crs), file: Self.inputName, options: options)
        let first = submitted.first ?? failed("no feature", id: nil)
        return Read(feature: first, sha256: sha256Hex(canonical), source: source)
    }

    private func failed(_ message: String, id: String?) -> SubmittedFeature {
        SubmittedFeature(
            index: nil, id: id, result: .failure(.footprint(file: Self.inputName, feature: id.map { "id \($0)" }, message: message)))
    }

    private func render(_ read: Read, _ outcome: Result<ScreeningResult, ScreeningError>?) -> Record {
        guard case let .success(result)? = outcome else { return Record(line: errorText(read, outcome), verdict: nil) }
        return Record(line: reportText(read, result), verdict: result.verdict)
    }

    private func reportText(_ read: Read, _ result: ScreeningResult) -> String {
        let notes = (try? read.feature.result.get().notes) ?? []
        let provenance = Provenance(toolVersion: session.toolVersion, libraries: LibraryVersions.summary, inputFile: read.source, inputSHA256: read.sha256)
        var object =
            JSONReport.value(result, dataset: session.dataset, ruleset: session.ruleset, provenance: provenance, notes: notes).objectValue ?? JSONObject()
        object["input"] = inputMember(id: read.feature.id, sha256: read.sha256, source: read.source)
        return JSONValue.object(object).compact()
    }

    private func errorText(_ read: Read, _ outcome: Result<ScreeningResult, ScreeningError>?) -> String {
        let id = read.feature.id
        switch (read.feature.result, outcome) {
        case let (.success(submitted), .failure(error)?):
            let located = error.located(file: Self.inputName, feature: submitted.project.id.map { "id \($0)" })
            return errorLine(located.description, id: id, sha256: read.sha256, source: read.source)
        case let (.failure(error), _):
            return errorLine(error.description, id: id, sha256: read.sha256, source: read.source)
        case (.success, _):
            return errorLine("not screened", id: id, sha256: read.sha256, source: read.source)
        }
    }

    private func inputMember(id: String?, sha256: String, source: String?) -> JSONValue {
        .object(
            JSONObject([
                "id": id.map(JSONValue.string) ?? .null, "sha256": .string(sha256), "source": source.map(JSONValue.string) ?? .null,
            ]))
    }

    private func errorLine(_ message: String, id: String?, sha256: String, source: String?) -> String {
        JSONValue.object(
            JSONObject([
                "schema": .string(JSONReport.schema), "error": .string(message), "input": inputMember(id: id, sha256: sha256, source: source),
            ])
        ).compact()
    }
}
