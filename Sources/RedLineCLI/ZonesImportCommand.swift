import ArgumentParser
import Foundation
import Geo
import GeoFormats
import Screening

/// `redline zones import SOURCE... --out DIR`: official layers into a RedLine data folder.
struct ZonesImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build a data folder from official layers (GDB, SHP, GPKG, GeoJSON, KML) and 准入清单 tables.",
        discussion: """
            Each layer is recognised by its fields (三线一单 HJZHGKDYBM/ZHGKDYFL, 三区三线 HXBM/HXLX, 自然保护地 ZRBHDLX/ZRBHDFQ, \
            饮用水水源 功能名称, 永久基本农田 YJJBNTTBBH, 城镇开发边界 GHFQMC, or RedLine's own id/kind/level) unless --profile or \
            --mapping says how to read it. Values that map to no kind or level are an error listing them. Layers are \
            reprojected to CGCS2000; sources are never changed. The folder gets layers/, catalog.json with SHA-256s, \
            rules/ruleset.json and import-log.json, and is checked as `redline zones check` checks it.

            Exit status: 0 when the folder passes the check (warnings allowed), 1 on errors.
            """
    )

    @Argument(help: "Layer files or .gdb folders.")
    var sources: [String]

    @Option(name: .long, help: "The data folder to write (new or empty, unless --force).")
    var out: String

    @Option(name: .long, help: "auto (recognise each layer) or one of: \(ZoneMapping.profiles.map(\.name).joined(separator: ", ")).")
    var profile: String = "auto"

    @Option(name: .long, help: "A YAML or JSON file mapping fields to id, name, kind and level, with value maps (see README).")
    var mapping: String?

    @Option(name: .customLong("access-list"), help: "A 准入清单 table (CSV or XLSX) attached to the control units by code; repeat for 省, 市 and 县 lists.")
    var accessLists: [String] = []

    @Option(name: .long, help: "Who issued the data, recorded in the catalog and on every zone.")
    var authority: String?

    @Option(name: .long, help: "The data's date, YYYY-MM-DD (also the dataset version).")
    var date: String?

    @Option(name: .long, help: "CRS of layers that do not declare one (EPSG code or PROJ string); default lon/lat.")
    var crs: String?

    @Option(name: .long, help: "The dataset's name (default: the folder's name).")
    var name: String?

    @Option(name: .long, help: "Ruleset to copy into the folder (default: the bundled rules).")
    var rules: String?

    @Flag(name: .long, help: "Repair invalid geometries with GEOS make-valid; each repair is logged.")
    var repair = false

    @Flag(name: .long, help: "Mark the layers illustrative (not official delineations).")
    var illustrative = false

    @Flag(name: .long, help: "Write into a folder that is not empty, replacing what an earlier import wrote there.")
    var force = false

    func validate() throws {
        if let date, CalendarDay(iso: date) == nil { throw ValidationError("--date \"\(date)\" is not a date: give YYYY-MM-DD") }
        if mapping != nil, profile != "auto" { throw ValidationError("give --profile or --mapping, not both") }
        if profile != "auto", ZoneMapping.profile(named: profile) == nil {
            throw ValidationError("no profile \"\(profile)\"; profiles: \(ZoneMapping.profiles.map(\.name).joined(separator: ", "))")
        }
    }

    func run() throws {
        do {
            var request = ZoneImportRequest(
                sources: sources, rulesFile: try rules ?? (DataLocator.folder(explicit: nil) as NSString).appendingPathComponent("rules/ruleset.json"),
                generator: "redline \(RedLineVersion.current) zones import")
            request.profile = profile == "auto" ? nil : profile
            request.files = gdalFiles
            request.mapping = try mapping.map(ZoneMapping.parse(contentsOf:))
            request.accessLists = accessLists
            request.authority = authority
            request.date = date
            request.assumedCRS = crs.map(CRS.init)
            request.repair = repair
            request.illustrative = illustrative
            request.datasetName = name
            let log = try ZoneImport.run(request, into: out, force: force)
            print(ImportSummary.text(log, folder: out), terminator: "")
            if log.problems.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.error) }
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("redline zones import: \(error)\(HintText.suffix(for: error, command: "zones import"))\n".utf8))
            throw ExitCode(ExitStatus.error)
        }
    }
}

/// The import log in a few lines for the terminal (import-log.json has it all).
enum ImportSummary {
    static func text(_ log: ZoneImportLog, folder: String) -> String {
        var lines = ["Imported into \(folder):"]
        for layer in log.layers {
            let zones = layer.zones.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
            lines.append(
                "  \(layer.source) [\(layer.layer)]: \(layer.features) features → \(zones.isEmpty ? "no zones" : zones) (\(layer.mapping)"
                    + (layer.reprojection.map { "; \($0)" } ?? "") + ")")
            if !layer.valueMappings.isEmpty { lines.append("    values: " + layer.valueMappings.joined(separator: "; ")) }
            for note in layer.notes { lines.append("    note: \(note)") }
            for invalid in layer.invalidGeometries { lines.append("    invalid geometry: \(invalid)") }
            if layer.invalidGeometries.contains(where: { $0.hasSuffix("not repaired (repair not asked for)") }) {
                lines.append("    (--repair repairs them with GEOS make-valid, logged)")
            }
        }
        for table in log.accessLists { lines.append("  access list \(table)") }
        if !log.unmatchedCodes.isEmpty {
            lines.append(
                "  access-list rows matching no unit (\(log.unmatchedCodes.count)): " + log.unmatchedCodes.prefix(10).joined(separator: "; ")
                    + (log.unmatchedCodes.count > 10 ? " …" : ""))
        }
        if !log.unitsWithoutList.isEmpty, !log.accessLists.isEmpty || log.layers.contains(where: { $0.zones[.controlUnit] != nil }) {
            lines.append(
                "  control units without an access list (\(log.unitsWithoutList.count)): " + log.unitsWithoutList.prefix(10).joined(separator: "; ")
                    + (log.unitsWithoutList.count > 10 ? " …" : ""))
        }
        if !log.layers.contains(where: { $0.zones[.adminDistrict] != nil }) {
            lines.append(
                "  note: no admin_district layer was imported, so screening cannot tell whether a footprint lies inside the area these layers cover; import the district (county) boundaries too"
            )
        }
        let errors = log.problems.filter { $0.severity == .error }.count
        lines.append("Check: \(errors) errors, \(log.problems.count - errors) warnings" + (log.problems.isEmpty ? "" : " (listed in import-log.json)"))
        for problem in log.problems.prefix(20) { lines.append("  \(problem)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
