import ArgumentParser
import Foundation
import Geo
import GeoFormats
import Reports
import Screening

extension ProjectAction: ExpressibleByArgument {}
extension Crossing: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension WebMapDatum: ExpressibleByArgument {}

/// Output formats of `redline screen`.
enum ScreenFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case geojson
    case html
    case pdf
}

/// `redline screen FILE`: one project against the zoning.
struct Screen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Screen one project footprint (GeoJSON, Shapefile, GeoPackage, KML, File Geodatabase or 界址点 file) against the zoning layers and rules.",
        discussion: """
            The footprint is a GeoJSON Point, LineString, Polygon or Multi geometry, a Feature or a FeatureCollection with \
            one feature (or choose one with --feature). Category and attributes come from the options or from the feature's \
            properties (category, action, discharges_to_water, linear, crossing, national_major_project); options win.

            Exit status: 0 clear, 2 conditional, 3 restricted, 4 prohibited, 1 error in the input or the data, 64 usage error.
            """
    )

    @Argument(help: "The footprint file: GeoJSON, .shp, .gpkg, .kml/.kmz, a .gdb folder or a 界址点 .txt.")
    var file: String

    @Option(name: .long, help: "Project category code of the ruleset, e.g. LV (livestock farm), RD (road), IG (general manufacturing).")
    var category: String?

    @Option(name: .long, help: "new, rebuild, expand or operate (default: new, or the feature's \"action\").")
    var action: ProjectAction?

    @Option(
        name: .customLong("discharges-to-water"),
        help: "Whether the project discharges pollutants to water: true or false. Unstated means the stricter reading is taken.")
    var dischargesToWater: Bool?

    @Option(name: .long, help: "Treat the project as linear (true) or not (false); default: from the geometry.")
    var linear: Bool?

    @Option(name: .long, help: "How a linear project crosses zones: surface, tunnel, bridge or aerial (default: surface).")
    var crossing: Crossing?

    @Flag(name: .customLong("national-major-project"), help: "The project is a listed national major project (国家重大项目).")
    var nationalMajorProject = false

    @Option(name: .long, help: "Which feature of a FeatureCollection to screen: its 0-based index or its id.")
    var feature: String?

    @OptionGroup var dataOptions: DataOptions

    @Option(
        name: .long, help: "text, json, geojson, html (one self-contained file with a map) or pdf (the HTML printed by headless Chromium); redirect to a file.")
    var format: ScreenFormat = .text

    @Option(name: .long, help: "Report language: en or zh.")
    var lang: Language = .en

    @OptionGroup var footprintOptions: FootprintOptions

    func run() throws {
        do {
            let result = try screen()
            if format == .pdf {
                FileHandle.standardOutput.write(try PDFPrinter.print(html: result.output))
            } else {
                print(result.output, terminator: "")
            }
            throw ExitStatus.code(for: result.verdict)
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("redline screen: \(error)\(HintText.suffix(for: error, command: "screen"))\n".utf8))
            throw ExitCode(ExitStatus.error)
        }
    }

    private func screen() throws -> (output: String, verdict: Verdict) {
        let input: InputSource
        do {
            input = try InputSource(file)
        } catch {
            throw CLIError.input("\(file): cannot read: \(error.localizedDescription)")
        }
        var options = footprintOptions.submissionOptions()
        options.overrides = ProjectOverrides(
            category: category, action: action, dischargesToWater: dischargesToWater, linear: linear,
            crossing: crossing, nationalMajorProject: nationalMajorProject ? true : nil)
        // The footprint is read and chosen before the data is loaded: a bad file is refused at once.
        let candidates = try Submission.features(atPath: file, bytes: input.bytes, files: gdalFiles, options: options)
        let only = try Submission.single(candidates, selector: feature, file: file)
        let session = try dataOptions.session()
        let reportFormat: ReportFormat =
            switch format {
            case .text: .text
            case .json: .json
            case .geojson: .geojson
            case .html, .pdf: .html
            }
        return try session.report(
            for: only, file: file, inputSHA256: input.sha256(), on: dataOptions.day, format: reportFormat, language: lang)
    }
}
