import ArgumentParser
import Foundation
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

    @Option(
        name: .long,
        help: "Load only the zones a footprint inside this box can meet or be near: W,S,E,N in degrees (a worker's share of a national data folder).")
    var bbox: String?

    @Option(
        name: .long,
        help:
            "Load only these districts (county adcodes, comma-separated, e.g. 120119,131002) and the zones near them; a footprint outside them is refused.")
    var districts: String?

    func validate() throws {
        if let asOf, CalendarDay(iso: asOf) == nil {
            throw ValidationError("--as-of \"\(asOf)\" is not a date: give YYYY-MM-DD, for example 2025-06-01")
        }
        if let bbox { _ = try RegionFilter.box(parsing: bbox) }
    }

    /// The region the options name, if any.
    var region: RegionFilter? {
        guard bbox != nil || districts != nil else { return nil }
        let codes = districts?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
        return RegionFilter(box: bbox.flatMap { try? RegionFilter.box(parsing: $0) }, districts: codes)
    }

    /// The day the law is taken as of.
    var day: CalendarDay { asOf.flatMap(CalendarDay.init(iso:)) ?? .today() }

    /// The screening pipeline over the dataset and its ruleset, reading files through GDAL.
    func session() throws -> ScreeningSession {
        let (dataset, ruleset) = try load()
        return try ScreeningSession(dataset: dataset, ruleset: ruleset, files: gdalFiles, toolVersion: RedLineVersion.current)
    }

    /// The dataset (only the region's zones when `--bbox` or `--districts` says) and its ruleset.
    func load() throws -> (Dataset, Ruleset) {
        let dataset = try Dataset.load(folder: DataLocator.folder(explicit: data), files: gdalFiles)
        let ruleset = try Ruleset.load(contentsOf: rules ?? dataset.rulesetPath)
        guard let region else { return (dataset, ruleset) }
        return (try dataset.restricted(to: region, margin: ruleset.farthestLook), ruleset)
    }
}
