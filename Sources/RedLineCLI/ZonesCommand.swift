import ArgumentParser
import Foundation
import Geo
import GeoFormats
import Reports
import Screening

/// `redline zones …`: work on zone data.
struct ZonesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zones",
        abstract: "Work on zone data folders.",
        subcommands: [ZonesCheck.self, ZonesImport.self]
    )
}

/// `redline zones check`: validate a data folder before use.
struct ZonesCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a data folder: geometry, ids, kinds and levels, region, overlaps, control-unit tiling, CRS.",
        discussion: "Exit status: 0 when nothing must be fixed (warnings allowed), 1 when there are errors or the folder cannot be read."
    )

    @OptionGroup var layers: LayerSourceOptions

    @Option(name: .long, help: "Write a repaired copy to this new folder, with fix-log.txt; the original is never changed.")
    var fix: String?

    @Option(name: .long, help: "text or json.")
    var format: CheckFormat = .text

    enum CheckFormat: String, ExpressibleByArgument {
        case text
        case json
    }

    func run() throws {
        do {
            let source = try layers.source()
            let reading = try DatasetReader.read(source, assumedCRS: layers.assumedCRS, files: gdalFiles)
            let problems = try DatasetCheck.run(reading)
            switch format {
            case .text:
                print(DataReports.problemsText(problems, source: source), terminator: "")
                if fix == nil, problems.contains(where: { $0.code == "invalid-geometry" }) {
                    print("redline zones check --fix NEW_DIR writes a repaired copy (the original is never changed).")
                }
            case .json: print(DataReports.problemsJSON(problems, source: source), terminator: "")
            }
            if let fix {
                let log = try DatasetRepair.write(reading, problems: problems, from: source, to: fix)
                FileHandle.standardError.write(Data("redline zones check: wrote a repaired copy to \(fix) (\(log.count) entries in fix-log.txt)\n".utf8))
            }
            if problems.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.error) }
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("redline zones check: \(error)\n".utf8))
            throw ExitCode(ExitStatus.error)
        }
    }
}

/// `redline diff OLD NEW`: what changed between two versions of the data.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of zone data (folders or layer files): per zone and per kind, and whether the red line shrank.",
        discussion: "Exit status: 0 when the ecological red line did not decrease, 2 when it decreased (生态保护红线面积减少), 1 on error."
    )

    @Argument(help: "The old data folder or layer file.")
    var old: String

    @Argument(help: "The new data folder or layer file.")
    var new: String

    @Option(name: .long, help: "text or json.")
    var format: DiffFormat = .text

    @Option(name: .long, help: "Report language: en or zh.")
    var lang: Language = .en

    @Option(name: .long, help: "CRS of layers that do not name one (EPSG code or PROJ string); default lon/lat.")
    var crs: String?

    @Option(name: .long, help: "Write the gained and lost pieces of every kind to this GeoJSON file.")
    var geojson: String?

    enum DiffFormat: String, ExpressibleByArgument {
        case text
        case json
    }

    func run() throws {
        let diff: DatasetDiff
        do {
            let assumed = crs.map(CRS.init)
            diff = try DatasetDiffer.diff(
                old: Dataset.load(folder: old, assumedCRS: assumed, files: gdalFiles),
                new: Dataset.load(folder: new, assumedCRS: assumed, files: gdalFiles))
            switch format {
            case .text: print(DataReports.diffText(diff, old: old, new: new, language: lang), terminator: "")
            case .json: print(DataReports.diffJSON(diff, old: old, new: new), terminator: "")
            }
            if let geojson { try Data(DataReports.diffGeoJSON(diff)).write(to: URL(fileURLWithPath: geojson)) }
        } catch {
            FileHandle.standardError.write(Data("redline diff: \(error)\n".utf8))
            throw ExitCode(ExitStatus.error)
        }
        if diff.redLineDecreased { throw ExitCode(2) }
    }
}
