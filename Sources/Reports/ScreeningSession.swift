import Geo
import Screening

/// The formats a screening report is rendered in.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text
    case json
    case geojson
    case html
}

/// One screening pipeline for every front end — the CLI's `screen` and `batch`, a server, a stream worker: read a
/// submission, screen its projects as of a day, render the results. A front end keeps only argument parsing, exit
/// codes and its own output. Built once (the zones are indexed), it serves any number of threads.
public final class ScreeningSession: Sendable {
    public let screener: Screener
    public var dataset: Dataset { screener.dataset }
    public var ruleset: Ruleset { screener.ruleset }
    /// Reads the files in GDAL's formats (GeoFormats' reader from the front end).
    public let files: any FeatureFileReader
    /// The program and version named in every report's provenance.
    public let toolVersion: String

    public init(dataset: Dataset, ruleset: Ruleset, files: any FeatureFileReader, toolVersion: String) throws {
        self.files = files
        self.toolVersion = toolVersion
        screener = try Screener(dataset: dataset, ruleset: ruleset)
    }

    /// Screens one read feature as of `day`; an error is placed in the feature's file and feature.
    public func screen(_ feature: SubmittedFeature, file: String, on day: CalendarDay) throws -> (result: ScreeningResult, notes: [LocalizedText]) {
        let submitted = try feature.result.get()
        do {
            return (try screener.screen(submitted.project, on: day), submitted.notes)
        } catch let error as ScreeningError {
            throw error.located(file: file, feature: Feature.label(index: feature.index, id: submitted.project.id))
        }
    }

    /// The report of one submitted feature screened as of `day`, and its verdict: what `redline screen` prints and
    /// `POST /v1/screen` answers for the same input.
    public func report(
        for feature: SubmittedFeature, file: String, inputSHA256: String, on day: CalendarDay, format: ReportFormat, language: Language
    ) throws -> (output: String, verdict: Verdict) {
        let (result, notes) = try screen(feature, file: file, on: day)
        return (try render(result, as: format, language: language, inputFile: file, inputSHA256: inputSHA256, notes: notes), result.verdict)
    }

    /// The report of a result, with the input it came from named in the provenance.
    public func render(
        _ result: ScreeningResult, as format: ReportFormat, language: Language, inputFile: String, inputSHA256: String,
        notes: [LocalizedText]
    ) throws -> String {
        let provenance = Provenance(toolVersion: toolVersion, libraries: LibraryVersions.summary, inputFile: inputFile, inputSHA256: inputSHA256)
        switch format {
        case .text: return TextReport.render(result, dataset: dataset, ruleset: ruleset, provenance: provenance, language: language, notes: notes)
        case .json: return JSONReport.render(result, dataset: dataset, ruleset: ruleset, provenance: provenance, notes: notes)
        case .geojson: return GeoJSONReport.render(result)
        case .html: return try HTMLReport.render(result, dataset: dataset, ruleset: ruleset, provenance: provenance, language: language, notes: notes)
        }
    }

    /// The JSONL lines of a batch (`results.jsonl`'s form: the JSON report and where the project came from, or the
    /// error) for read features, in their order: what `POST /v1/batch` streams and a stream worker writes.
    public func jsonLines(for features: [SubmittedFeature], file: String, inputSHA256: String, on day: CalendarDay, workers: Int) -> [String] {
        let projects = features.compactMap { try? $0.result.get().project }
        var results = screener.screen(projects, on: day, workers: workers).makeIterator()
        let provenance = Provenance(toolVersion: toolVersion, libraries: LibraryVersions.summary, inputFile: file, inputSHA256: inputSHA256)
        return features.map { feature in
            let input = BatchRows.Input(file: file, featureIndex: feature.index, featureID: feature.id)
            switch feature.result {
            case let .success(submitted):
                switch results.next() {
                case let .success(result)?:
                    return BatchRows.jsonLine(result, dataset: dataset, ruleset: ruleset, provenance: provenance, notes: submitted.notes, input: input)
                case let .failure(error)?:
                    let located = error.located(file: file, feature: Feature.label(index: feature.index, id: submitted.project.id))
                    return BatchRows.jsonErrorLine(located, project: submitted.project, input: input)
                case nil:
                    let error = ScreeningError.footprint(file: file, feature: Feature.label(index: feature.index, id: feature.id), message: "not screened")
                    return BatchRows.jsonErrorLine(error, project: submitted.project, input: input)
                }
            case let .failure(error):
                return BatchRows.jsonErrorLine(error, project: nil, input: input)
            }
        }
    }
}
