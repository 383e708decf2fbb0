import ArgumentParser
import GeoFormats
import Reports
import Screening

/// `--data`, `--rules` and `--as-of`, shared by the commands that screen.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Data folder with catalog.json, layers and rules, or a single layer file (default: the bundled geodata).")
    var data: String?

    @Option(name: .long, help: "Ruleset file (default: rules/ruleset.json of the data folder).")
    var rules: String?

    @Option(
        name: .customLong("as-of"),
        help:
            "Take the law as of this day, YYYY-MM-DD (default: today): bases are reported in force, superseded or repealed as of then, so a decision made earlier can be reproduced."
    )
    var asOf: String?

    func validate() throws {
        if let asOf, CalendarDay(iso: asOf) == nil {
            throw ValidationError("--as-of \"\(asOf)\" is not a date: give YYYY-MM-DD, for example 2025-06-01")
        }
    }

    /// The day the law is taken as of.
    var day: CalendarDay { asOf.flatMap(CalendarDay.init(iso:)) ?? .today() }

    /// The screening pipeline over the dataset and its ruleset, reading files through GDAL.
    func session() throws -> ScreeningSession {
        let (dataset, ruleset) = try load()
        return try ScreeningSession(dataset: dataset, ruleset: ruleset, files: gdalFiles, toolVersion: RedLineVersion.current)
    }

    /// The dataset and its ruleset.
    func load() throws -> (Dataset, Ruleset) {
        let dataset = try Dataset.load(folder: DataLocator.folder(explicit: data), files: gdalFiles)
        return (dataset, try Ruleset.load(contentsOf: rules ?? dataset.rulesetPath))
    }
}
