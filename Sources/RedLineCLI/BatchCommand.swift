import ArgumentParser
import Foundation
import Geo
import GeoFormats
import Reports
import Screening

/// `redline batch INPUT...`: many projects, one row each.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Screen many projects: FeatureCollections, newline-delimited GeoJSON, GDAL files, 界址点 files, or folders of them.",
        discussion: """
            Each feature is one project; its category and attributes come from its properties (see --category-key and \
            --default-category). A bad feature or file becomes an error row and the rest go on.

            With --out DIR: results.csv (one row per project, UTF-8 with BOM for Excel/WPS), results.jsonl (each project's \
            full report in the `screen` JSON schema, one per line), overlaps.geojson (every overlap geometry). The output is \
            the same bytes whatever the number of threads. After Ctrl-C the files are complete and valid for what finished.

            Exit status: 0 clear, 2 conditional, 3 restricted, 4 prohibited (the worst verdict), plus 8 when some inputs \
            had errors (8 = errors and otherwise clear, 12 = errors and something prohibited); 1 when nothing could be \
            screened; 130 when interrupted.

            Stream mode (`redline batch -` or --stdin), the worker of a distributed engine: newline-delimited GeoJSON from \
            standard input, one JSON record per non-blank line to standard output in input order, written window by \
            window. A record depends only on its feature and the data (input.id, input.sha256 of the canonical feature, \
            input.source with --source-key), so any split of the input gives the same records. --bbox or --districts \
            load only the zones a region needs. Exit status 0 unless the tool failed (--verdict-status: as above).
            """
    )

    @Argument(help: "Input files or folders; - (or --stdin) reads newline-delimited GeoJSON from standard input and streams results to standard output.")
    var inputs: [String] = []

    @Flag(name: .long, help: "Stream mode: NDJSON features from standard input, one JSON result line per input line to standard output (as -).")
    var stdin = false

    @Option(
        name: .customLong("source-key"),
        help: "Stream mode: a property naming where each feature came from, copied into its record (records otherwise name no file or position).")
    var sourceKey: String?

    @Flag(name: .customLong("verdict-status"), help: "Stream mode: exit with the worst verdict as batch does (default: 0 unless the tool failed).")
    var verdictStatus = false

    @Option(name: .long, help: "Write results.csv, results.jsonl and overlaps.geojson to this folder.")
    var out: String?

    @Option(name: .customLong("category-key"), help: "Property holding the category (default: category).")
    var categoryKey = "category"

    @Option(name: .customLong("id-key"), help: "Property holding the project id (default: id).")
    var idKey = "id"

    @Option(name: .customLong("name-key"), help: "Property holding the project name (default: name).")
    var nameKey = "name"

    @Option(name: .customLong("default-category"), help: "Category for features without one.")
    var defaultCategory: String?

    @Option(name: .long, help: "Default action for features that do not state one.")
    var action: ProjectAction?

    @Option(name: .customLong("discharges-to-water"), help: "Default for features that do not state discharges_to_water.")
    var dischargesToWater: Bool?

    @OptionGroup var dataOptions: DataOptions

    @OptionGroup var footprintOptions: FootprintOptions

    @Flag(name: .long, help: "With --out: also write an HTML report per project under reports/ and index.html with a map of all projects.")
    var html = false

    @Option(name: .long, help: "Language of the HTML reports: en or zh.")
    var lang: Language = .en

    @Flag(name: .long, help: "No progress output.")
    var quiet = false

    @Option(name: .long, help: "Projects screened together between writes (memory stays bounded by it).")
    var window = 512

    @Option(name: .long, help: "Worker threads (default: one per core). The output does not depend on it.")
    var jobs: Int = defaultWorkerCount

    /// Whether this run streams standard input to standard output.
    var isStream: Bool { stdin || inputs == ["-"] }

    func validate() throws {
        if html, out == nil { throw ValidationError("--html needs --out DIR") }
        if isStream {
            if out != nil || html { throw ValidationError("stream mode (- or --stdin) writes to standard output: drop --out and --html") }
            if inputs.count > 1 || (stdin && !inputs.isEmpty && inputs != ["-"]) {
                throw ValidationError("stream mode reads standard input only: give - alone, or --stdin without files")
            }
        } else {
            if inputs.isEmpty { throw ValidationError("give the input files or folders, or - to read standard input") }
            if sourceKey != nil || verdictStatus { throw ValidationError("--source-key and --verdict-status belong to stream mode (- or --stdin)") }
        }
    }

    func run() throws {
        if isStream { return try BatchStream(command: self).run() }
        let started = Date()
        let dataset: Dataset, ruleset: Ruleset, screener: Screener
        var items: [BatchItem] = []
        do {
            (dataset, ruleset) = try dataOptions.load()
            if let defaultCategory { _ = try ruleset.category(defaultCategory) }
            let session = try ScreeningSession(dataset: dataset, ruleset: ruleset, files: gdalFiles, toolVersion: RedLineVersion.current)
            screener = session.screener
            var options = footprintOptions.submissionOptions()
            options.defaults = ProjectOverrides(category: defaultCategory, action: action, dischargesToWater: dischargesToWater)
            options.keys = PropertyKeys(id: idKey, name: nameKey, category: categoryKey)
            for file in try BatchInputs.files(inputs) {
                items += BatchInputs.read(file, session: session, options: options)
            }
        } catch {
            FileHandle.standardError.write(Data("redline batch: \(error)\(HintText.suffix(for: error, command: "batch"))\n".utf8))
            throw ExitCode(ExitStatus.error)
        }
        guard !items.isEmpty else {
            FileHandle.standardError.write(Data("redline batch: no projects found in \(inputs.joined(separator: ", "))\n".utf8))
            throw ExitCode(ExitStatus.error)
        }

        let outputs = try out.map { try BatchOutputs(folder: $0, dataset: dataset, ruleset: ruleset, htmlLanguage: html ? lang : nil) }
        let day = dataOptions.day
        let progress = Progress(total: items.count, quiet: quiet)
        Interrupt.install()
        var counts: [String: Int] = [:]
        // Only what the summary shows is kept, so memory does not grow with the number of projects.
        var strictest: [(verdict: Verdict, id: String, file: String)] = []
        var errors: [String] = []
        var done = 0
        var interrupted = false
        for start in stride(from: 0, to: items.count, by: max(1, window)) {
            if Interrupt.isRequested { interrupted = true; break }
            let slice = Array(items[start..<min(items.count, start + max(1, window))])
            let projects = slice.compactMap { try? $0.project.get().project }
            var results = screener.screen(projects, on: day, workers: max(1, jobs)).makeIterator()
            for item in slice {
                let row: BatchRow
                switch item.project {
                case let .success(submitted):
                    let result = results.next() ?? .failure(.footprint(file: item.file, feature: nil, message: "internal: missing result"))
                    // The screener knows the project, not where it came from: say which file and feature.
                    row = BatchRow(
                        item: item,
                        result: result.mapError { error in
                            error.located(file: item.file, feature: Feature.label(index: item.featureIndex, id: submitted.project.id))
                        })
                case let .failure(error):
                    row = BatchRow(item: item, result: .failure(error))
                }
                switch row.result {
                case let .success(result):
                    counts[result.verdict.rawValue, default: 0] += 1
                    if result.verdict >= .restricted, strictest.count < Self.strictestShown || result.verdict > (strictest.last?.verdict ?? .clear) {
                        strictest.append((result.verdict, result.project.id ?? result.project.name ?? "feature \(item.featureIndex ?? 0)", item.file))
                        // Stable: among equals the first screened stay.
                        strictest = Array(
                            strictest.enumerated().sorted { ($0.element.verdict, -$0.offset) > ($1.element.verdict, -$1.offset) }
                                .map(\.element).prefix(Self.strictestShown))
                    }
                case let .failure(error):
                    counts["error", default: 0] += 1
                    if errors.count < Self.errorsShown { errors.append(Self.located(error, item)) }
                }
                outputs?.append(row)
            }
            done += slice.count
            progress.update(done: done)
        }
        do {
            try outputs?.finish()
        } catch {
            FileHandle.standardError.write(Data("redline batch: the output in \(out ?? "") could not be finished: \(error)\n".utf8))
            throw ExitCode(ExitStatus.error)
        }

        print(
            Self.summary(
                counts: counts, strictest: strictest, errors: errors, done: done, total: items.count,
                seconds: Date().timeIntervalSince(started), out: out, interrupted: interrupted), terminator: "")
        if interrupted { throw ExitCode(130) }
        guard let worstVerdict = Verdict.allCases.filter({ counts[$0.rawValue] != nil }).max() else { throw ExitCode(ExitStatus.error) }
        let code = ExitStatus.code(for: worstVerdict).rawValue + (counts["error"] == nil ? 0 : 8)
        if code != 0 { throw ExitCode(code) }
    }

    static func located(_ error: ScreeningError, _ item: BatchItem) -> String {
        let text = error.description + HintText.suffix(for: error, command: "batch")
        return text.hasPrefix(item.file) ? text : "\(item.file): \(text)"
    }

    /// How many of the strictest projects and of the errors the summary lists.
    static let strictestShown = 10
    static let errorsShown = 20

    static func summary(
        counts: [String: Int], strictest: [(verdict: Verdict, id: String, file: String)], errors: [String],
        done: Int, total: Int, seconds: Double, out: String?, interrupted: Bool
    ) -> String {
        var lines = [
            "RedLine batch: \(done) of \(total) projects in \(String(format: "%.1f", seconds)) s"
                + (interrupted ? " (interrupted: the output holds the projects done)" : "")
        ]
        for verdict in [Verdict.prohibited, .restricted, .conditional, .clear] {
            lines.append(String(format: "  %-12@ %d", verdict.rawValue as NSString, counts[verdict.rawValue] ?? 0))
        }
        lines.append(String(format: "  %-12@ %d", "error" as NSString, counts["error"] ?? 0))
        if !strictest.isEmpty {
            lines.append("Strictest:")
            for entry in strictest { lines.append("  \(entry.verdict.rawValue)  \(entry.id)  (\(entry.file))") }
        }
        if !errors.isEmpty {
            lines.append("Errors:")
            for error in errors { lines.append("  \(error)") }
            let errorCount = counts["error"] ?? 0
            if errorCount > errors.count { lines.append("  … \(errorCount - errors.count) more (see results.csv)") }
        }
        if let out { lines.append("Written: \(out)/results.csv, results.jsonl, overlaps.geojson") }
        return lines.joined(separator: "\n") + "\n"
    }
}
