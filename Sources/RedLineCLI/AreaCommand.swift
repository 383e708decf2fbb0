import ArgumentParser
import Foundation
import Geo
import GeoFormats
import Reports
import Screening

/// Output formats of `redline area`.
enum AreaFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case csv
    case markdown
}

/// `redline area`: zone areas per kind and level, per district, and overlaps between kinds.
struct AreaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "area",
        abstract: "Report zone areas: per kind and level (summed and dissolved), per district, and overlaps between kinds.",
        discussion:
            "Areas are geodesic on the CGCS2000 ellipsoid, in km², 公顷 and 亩. --data takes a data folder or a single layer file whose features carry kind and level."
    )

    @OptionGroup var layers: LayerSourceOptions

    @Option(name: .long, help: "text, json, csv or markdown.")
    var format: AreaFormat = .text

    @Option(name: .long, help: "Language of text and Markdown output: en or zh.")
    var lang: Language = .en

    @Flag(name: .customLong("no-districts"), help: "Leave out the per-district breakdown.")
    var noDistricts = false

    @Flag(name: .customLong("no-matrix"), help: "Leave out the overlap matrix between kinds.")
    var noMatrix = false

    func run() throws {
        do {
            let dataset = try Dataset.load(folder: layers.source(), assumedCRS: layers.assumedCRS, files: gdalFiles)
            let report = try AreaReporter.report(dataset, districtBreakdown: !noDistricts, overlapMatrix: !noMatrix)
            switch format {
            case .text: print(AreaReportRendering.text(report, language: lang), terminator: "")
            case .json: print(AreaReportRendering.json(report), terminator: "")
            case .csv: print(AreaReportRendering.csv(report), terminator: "")
            case .markdown: print(AreaReportRendering.markdown(report, language: lang), terminator: "")
            }
        } catch {
            FileHandle.standardError.write(Data("redline area: \(error)\n".utf8))
            throw ExitCode(ExitStatus.error)
        }
    }
}
