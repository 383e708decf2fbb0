import Foundation
import Geo
import Testing

/// `redline zones import` on sources made during the test with GDAL's own ogr2ogr from the bundled layers, in the
/// schemas officials receive: a GBK Shapefile of 三线一单 units, a File Geodatabase of 三区三线 layers in Gauss–Krüger
/// metres, GeoPackages of water sources and protected areas, an XLSX 准入清单, and a livestock layer read by a YAML mapping.
@Suite("zones import: official layers into a data folder", .serialized)
struct ZonesImportTests {
    static let layers = root.appendingPathComponent("geodata/layers").path

    /// Runs a program (ogr2ogr) and returns its exit status and standard error.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = root
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let text = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: text, as: UTF8.self))
    }

    static func ogr2ogr(_ arguments: [String]) throws {
        let (status, stderr) = try run("/usr/bin/ogr2ogr", arguments)
        #expect(status == 0, "ogr2ogr \(arguments.joined(separator: " ")): \(stderr)")
    }

    /// The sources, written once into a temporary folder.
    static let sources: URL? = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ogr2ogr") else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-import-sources-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try makeSources(in: folder)
            return folder
        } catch {
            return nil
        }
    }()

    static func makeSources(in folder: URL) throws {
        func out(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let sql = ["-dialect", "SQLite", "-sql"]
        // 三线一单 units of Tianjin as a GBK (CP936) Shapefile without .cpg, as officials often receive them.
        try ogr2ogr(
            ["-f", "ESRI Shapefile", out("tj_units.shp"), "\(layers)/control_unit.geojson", "-lco", "ENCODING=CP936"] + sql + [
                "SELECT geometry, id AS HJZHGKDYBM, name AS HJZHGKDYMC, CASE level WHEN 'priority' THEN 1 WHEN 'key' THEN 2 ELSE 3 END AS ZHGKDYFL, "
                    + "'1.禁止新建与保护无关的建设项目。2.严格控制开发强度' AS KJBJYS FROM control_unit WHERE id LIKE 'ZH12%'"
            ])
        try FileManager.default.removeItem(atPath: out("tj_units.cpg"))
        // Langfang's units keep RedLine's own schema: their access_list entries, which tighten the matrix, are arrays
        // that a GDAL round trip would flatten to text, so the subset is written as JSON.
        let all = try #require(try JSONValue.parse(contentsOf: "\(layers)/control_unit.geojson").objectValue)
        let langfang = (all["features"]?.arrayValue ?? []).filter {
            $0.objectValue?["properties"]?.objectValue?["id"]?.stringValue?.hasPrefix("ZH13") == true
        }
        try Data(JSONValue.object(JSONObject(members: [("type", "FeatureCollection"), ("features", .array(langfang))])).prettyPrinted().utf8)
            .write(to: folder.appendingPathComponent("lf_units.geojson"))
        // 三区三线 File Geodatabase in CGCS2000 / 3-degree Gauss–Krüger zone 40 (EPSG:4528): the red line, plus a
        // permanent-farmland parcel and an urban development boundary drawn for the test.
        try ogr2ogr(
            [
                "-f", "OpenFileGDB", out("sanqu.gdb"), "\(layers)/ecological_redline.geojson", "-t_srs", "EPSG:4528", "-nlt", "MULTIPOLYGON",
                "-nln", "陆域生态保护红线",
            ] + sql + [
                "SELECT geometry, id AS HXBM, name AS HXMC, CASE level WHEN 'water_conservation' THEN '水源涵养' WHEN 'biodiversity' THEN '生物多样性维护' "
                    + "WHEN 'soil_conservation' THEN '水土保持' WHEN 'windbreak_sand_fixation' THEN '防风固沙' ELSE level END AS HXLX FROM ecological_redline"
            ])
        let extra = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"YJJBNTTBBH":"120119-0001","GHFQMC":null},"geometry":{"type":"Polygon","coordinates":[[[117.300,39.950],[117.305,39.950],[117.305,39.955],[117.300,39.955],[117.300,39.950]]]}}]}
            """
        try Data(extra.utf8).write(to: folder.appendingPathComponent("farmland.geojson"))
        try ogr2ogr([
            "-f", "OpenFileGDB", "-update", out("sanqu.gdb"), out("farmland.geojson"), "-t_srs", "EPSG:4528", "-nlt", "MULTIPOLYGON",
            "-nln", "永久基本农田", "-select", "YJJBNTTBBH",
        ])
        let boundary = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"BSM":"CZKFBJ-1","GHFQMC":"城镇开发边界"},"geometry":{"type":"Polygon","coordinates":[[[117.310,39.950],[117.315,39.950],[117.315,39.955],[117.310,39.955],[117.310,39.950]]]}}]}
            """
        try Data(boundary.utf8).write(to: folder.appendingPathComponent("boundary.geojson"))
        try ogr2ogr([
            "-f", "OpenFileGDB", "-update", out("sanqu.gdb"), out("boundary.geojson"), "-t_srs", "EPSG:4528", "-nlt", "MULTIPOLYGON", "-nln", "城镇开发边界",
        ])
        // Drinking-water sources: 功能名称 一级/二级/准, a code shared by a source's zones.
        try ogr2ogr(
            ["-f", "GPKG", out("water.gpkg"), "\(layers)/water_source.geojson", "-nln", "饮用水水源保护区"] + sql + [
                "SELECT geometry, name AS 水源地名称, CASE level WHEN '1' THEN '一级保护区' WHEN '2' THEN '二级保护区' ELSE '准保护区' END AS 功能名称, "
                    + "substr(id, 1, length(id) - 2) AS sydbm FROM water_source"
            ])
        // 自然保护地 by type (ZRBHDLX), functional zone (ZRBHDFQ) and rank (ZRBHDJB).
        try ogr2ogr(
            ["-f", "GPKG", out("protected.gpkg"), "\(layers)/nature_reserve.geojson", "-nln", "自然保护地"] + sql + [
                "SELECT geometry, id AS BSM, name AS ZRBHDMC, '自然保护区' AS ZRBHDLX, CASE level WHEN 'core' THEN '核心区' WHEN 'buffer' THEN '缓冲区' "
                    + "WHEN 'experimental' THEN '实验区' WHEN 'core_protection' THEN '核心保护区' ELSE '一般控制区' END AS ZRBHDFQ, '国家级' AS ZRBHDJB FROM nature_reserve"
            ])
        for (kind, type) in [("scenic_area", "风景名胜区"), ("forest_park", "森林公园"), ("wetland_park", "湿地公园"), ("geo_park", "地质公园")] {
            try ogr2ogr(
                ["-f", "GPKG", "-append", out("protected.gpkg"), "\(layers)/\(kind).geojson", "-nln", "自然保护地"] + sql + [
                    "SELECT geometry, id AS BSM, name AS ZRBHDMC, '\(type)' AS ZRBHDLX, CASE level WHEN 'core_scenic' THEN '核心景区' ELSE '' END AS ZRBHDFQ, "
                        + "CASE COALESCE(rank, level) WHEN 'provincial' THEN '省级' WHEN 'municipal' THEN '市级' ELSE '国家级' END AS ZRBHDJB FROM \(kind)"
                ])
        }
        // A county livestock layer in a schema of its own: BH, MC, LX 1/2, read through a YAML mapping.
        try ogr2ogr(
            ["-f", "ESRI Shapefile", out("livestock.shp"), "\(layers)/livestock_nogo.geojson", "-lco", "ENCODING=UTF-8"] + sql + [
                "SELECT geometry, id AS BH, name AS MC, CASE level WHEN 'prohibited' THEN 1 ELSE 2 END AS LX, rank AS JB FROM livestock_nogo"
            ])
        try Data(
            """
            # 县级畜禽养殖禁养区、限养区
            kind: livestock_nogo
            id: BH
            name: MC
            level: LX
            rank: JB
            values:
              LX: {1: prohibited, 2: restricted}
            """.utf8
        ).write(to: folder.appendingPathComponent("livestock.yaml"))
        // The 准入清单 as a spreadsheet opening with a title row, as published: two tiers for one unit, and a code that
        // matches no unit. (ogr2ogr puts its own field-name row on top: the header is the spreadsheet's row 3.)
        try Data(
            """
            附件1 环境管控单元生态环境准入清单,,,,,,,
            环境管控单元编码,环境管控单元名称,管控单元分类,清单层级,空间布局约束,污染物排放管控,环境风险防控,资源利用效率
            ZH12011910002,于桥水库饮用水水源保护优先保护单元,优先保护单元,市,"1.禁止新建、改建、扩建与供水设施和保护水源无关的建设项目。2.禁止设置排污口。","（1）现有排污单位限期关闭；（2）农业面源污染严格控制。",严禁运输危险化学品车辆在保护区内停靠。,严格控制取水总量
            ZH12011910002,于桥水库饮用水水源保护优先保护单元,优先保护单元,县,禁止新建畜禽规模养殖场。,,,
            ZH99999999999,不存在的单元,一般管控单元,县,测试条款,,,

            """.utf8
        ).write(to: folder.appendingPathComponent("access.csv"))
        try ogr2ogr(["-f", "XLSX", out("access.xlsx"), out("access.csv"), "-nln", "准入清单", "-oo", "HEADERS=NO"])
    }

    static func importArguments(_ sources: URL, out: String) -> [String] {
        func source(_ name: String) -> String { sources.appendingPathComponent(name).path }
        return [
            "zones", "import", source("tj_units.shp"), source("lf_units.geojson"), source("sanqu.gdb"), source("water.gpkg"), source("protected.gpkg"),
            "\(layers)/admin_district.geojson", "\(layers)/permanent_eco_area.geojson", "\(layers)/fuel_ban_zone.geojson",
            "--access-list", source("access.xlsx"), "--out", out, "--illustrative", "--authority", "测试数据", "--date", "2026-12-01", "--name", "imported",
        ]
    }

    static func newFolder(_ label: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("redline-\(label)-\(UUID().uuidString)").path
    }

    /// The findings that decide a verdict, comparable across datasets: kind, level, outcome and overlap.
    static func findings(_ path: String, data: String?) throws -> (verdict: String, met: [(String, String, String, Double)]) {
        let run = try redline(["screen", path, "--format", "json", "--as-of", "2026-12-06"] + (data.map { ["--data", $0] } ?? []))
        let report = try #require(try JSONValue.parse(Array(run.stdout.utf8)).objectValue, "\(path): \(run.stderr)")
        let met = (report["findings"]?.arrayValue ?? []).compactMap(\.objectValue).filter { $0["relation"] != "nearby" }.map { finding in
            let zone = finding["zone"]?.objectValue
            let measure = finding["overlap_area_m2"]?.doubleValue ?? finding["overlap_length_m"]?.doubleValue ?? finding["points_inside"]?.doubleValue ?? 0
            return (zone?["kind"]?.stringValue ?? "", zone?["level"]?.stringValue ?? "", finding["outcome"]?.stringValue ?? "", measure)
        }.sorted { ($0.0, $0.1, $0.2, $0.3) < ($1.0, $1.1, $1.2, $1.3) }
        return (report["verdict"]?.stringValue ?? "", met)
    }

    @Test("the imported folder screens every bundled example to the same verdict, outcomes and areas as the bundled data")
    func sameAnswers() throws {
        let sources = try #require(Self.sources, "ogr2ogr (Debian's gdal-bin, which scripts/install-deps installs) is needed to make the sources")
        let out = Self.newFolder("imported")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let mapped = try redline([
            "zones", "import", sources.appendingPathComponent("livestock.shp").path, "--mapping",
            sources.appendingPathComponent("livestock.yaml").path, "--out", out + "-livestock", "--illustrative",
        ])
        defer { try? FileManager.default.removeItem(atPath: out + "-livestock") }
        #expect(mapped.status == 0, "\(mapped.stderr)")
        #expect(mapped.stdout.contains("LX 1 → prohibited (3)") && mapped.stdout.contains("LX 2 → restricted (1)"), "\(mapped.stdout)")
        // The mapped livestock layer goes into the full import as RedLine's own schema.
        let run = try redline(Self.importArguments(sources, out: out) + [out + "-livestock/layers/livestock_nogo.geojson"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        // What the import says it did.
        #expect(run.stdout.contains("陆域生态保护红线]: 8 features → 8 ecological_redline (redline; EPSG:4528 → EPSG:4490)"), "\(run.stdout)")
        #expect(run.stdout.contains("ZHGKDYFL 1 → priority"))
        #expect(run.stdout.contains("功能名称 一级保护区 → 1 (5)"))
        #expect(run.stdout.contains("ZRBHDLX 自然保护区 → nature_reserve (5)"))
        #expect(run.stdout.contains("永久基本农田]: 1 features → 1 permanent_farmland"))
        #expect(run.stdout.contains("access.xlsx, row 6: ZH99999999999 不存在的单元"), "a code matching no unit is reported")
        #expect(run.stdout.contains("Check: 0 errors"), "\(run.stdout)")
        let log = try #require(try JSONValue.parse(contentsOf: out + "/import-log.json").objectValue)
        #expect(log["schema"] == "redline-import-log/1")
        #expect((log["unmatched_unit_codes"]?.arrayValue ?? []).count == 1)
        // The GBK names came through.
        let units = try String(contentsOfFile: out + "/layers/control_unit.geojson", encoding: .utf8)
        #expect(units.contains("于桥水库饮用水水源保护优先保护单元"))

        for example in examples {
            let bundled = try Self.findings(example, data: nil)
            let imported = try Self.findings(example, data: out)
            #expect(bundled.verdict == imported.verdict, "\(example)")
            #expect(bundled.met.count == imported.met.count, "\(example): \(bundled.met) vs \(imported.met)")
            for (a, b) in zip(bundled.met, imported.met) {
                #expect(a.0 == b.0 && a.1 == b.1 && a.2 == b.2, "\(example): \(a) vs \(b)")
                // The red line went through Gauss–Krüger metres and back: areas agree to well under a square metre.
                #expect(abs(a.3 - b.3) <= max(0.05, a.3 * 1e-7), "\(example): \(a.0)/\(a.1) \(a.3) vs \(b.3)")
            }
        }

        // The unit's access list, clause by clause, beside the matrix outcome.
        let pig = "geodata/examples/jz_pig_farm_yuqiao_level1.geojson"
        let text = try redline(["screen", pig, "--data", out, "--lang", "zh"]).stdout
        #expect(text.contains("ZH12011910002 于桥水库饮用水水源保护优先保护单元（优先保护单元）"))
        #expect(text.contains("- ［市级］1.禁止新建、改建、扩建与供水设施和保护水源无关的建设项目。"))
        #expect(text.contains("- ［县级］禁止新建畜禽规模养殖场。"))
        #expect(text.contains("- ［市级］（2）农业面源污染严格控制。"))
        let json = try #require(try JSONValue.parse(Array(try redline(["screen", pig, "--data", out, "--format", "json"]).stdout.utf8)).objectValue)
        let unit = try #require((json["findings"]?.arrayValue ?? []).compactMap { $0.objectValue?["zone"]?.objectValue }.first { $0["id"] == "ZH12011910002" })
        let clauses = (unit["access_clauses"]?.arrayValue ?? []).compactMap(\.objectValue)
        // Two clauses from the unit layer's own KJBJYS field, six from the city list and one from the county list.
        #expect(clauses.count == 9)
        #expect(clauses.filter { $0["source"]?.stringValue?.hasSuffix("KJBJYS") == true }.count == 2)
        #expect(clauses.filter { $0["dimension"] == "pollutant_emission" }.count == 2)
        #expect(clauses.contains { $0["source"]?.stringValue == "access.xlsx, row 4" && $0["tier"] == "市" })
        let html = try redline(["screen", pig, "--data", out, "--format", "html", "--lang", "zh"]).stdout
        #expect(html.contains("管控单元生态环境准入清单（逐条对照）") && html.contains("严禁运输危险化学品车辆在保护区内停靠。"))

        // The 三区三线 layers the bundled data lacks: a farm on permanent basic farmland is prohibited; inside the urban
        // development boundary there is no rule.
        let farm = try LawInForceTests.point(117.3025, 39.9525)
        let town = try LawInForceTests.point(117.3125, 39.9525)
        defer { try? FileManager.default.removeItem(atPath: farm); try? FileManager.default.removeItem(atPath: town) }
        let onFarmland = try LawInForceTests.screen([farm, "--data", out, "--category", "LV"], zone: "120119-0001")
        #expect(LawInForceTests.rule(onFarmland.finding).outcome == "prohibited")
        #expect(LawInForceTests.rule(onFarmland.finding).bases == ["lmla-2019-art35"])
        let road = try LawInForceTests.screen([farm, "--data", out, "--category", "RD"], zone: "120119-0001")
        #expect(LawInForceTests.rule(road.finding).approvals == ["NF"])
        let inTown = try LawInForceTests.screen([town, "--data", out, "--category", "RE"], zone: "CZKFBJ-1")
        #expect(LawInForceTests.rule(inTown.finding).outcome == "no_rule")
    }

    @Test("the same sources imported twice give byte-identical folders, and the sources are not changed")
    func byteIdentical() throws {
        let sources = try #require(Self.sources, "ogr2ogr (Debian's gdal-bin, which scripts/install-deps installs) is needed to make the sources")
        func digests(_ folder: String) throws -> [String: String] {
            var result: [String: String] = [:]
            let enumerator = FileManager.default.enumerator(atPath: folder)
            while let file = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folder + "/" + file, isDirectory: &isDirectory)
                if !isDirectory.boolValue { result[file] = Insecure.digest(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))) }
            }
            return result
        }
        let before = try digests(sources.path)
        let first = Self.newFolder("import-a"), second = Self.newFolder("import-b")
        defer { try? FileManager.default.removeItem(atPath: first); try? FileManager.default.removeItem(atPath: second) }
        #expect(try redline(Self.importArguments(sources, out: first)).status == 0)
        #expect(try redline(Self.importArguments(sources, out: second)).status == 0)
        let a = try digests(first), b = try digests(second)
        #expect(a.count >= 14 && a == b, "\(a.keys.sorted())")
        #expect(try digests(sources.path) == before)
        // A folder that is not empty is refused without --force, and replaced with it.
        let again = try redline(Self.importArguments(sources, out: first))
        #expect(again.status == 1 && again.stderr.contains("the folder exists and is not empty"), "\(again.stderr)")
        #expect(try redline(Self.importArguments(sources, out: first) + ["--force"]).status == 0)
        #expect(try digests(first) == b)
    }

    @Test("a value that maps to nothing is an error listing the values and the known levels, never a default")
    func unmappedValues() throws {
        let folder = Self.newFolder("unmapped")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let layer = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"HXBM":"R-1","HXMC":"甲","HXLX":"石漠化"},"geometry":{"type":"Polygon","coordinates":[[[117.30,39.95],[117.31,39.95],[117.31,39.96],[117.30,39.95]]]}},
             {"type":"Feature","properties":{"HXBM":"R-2","HXMC":"乙","HXLX":"石漠化"},"geometry":{"type":"Polygon","coordinates":[[[117.32,39.95],[117.33,39.95],[117.33,39.96],[117.32,39.95]]]}},
             {"type":"Feature","properties":{"HXBM":"R-3","HXMC":"丙","HXLX":"水源涵养"},"geometry":{"type":"Polygon","coordinates":[[[117.34,39.95],[117.35,39.95],[117.35,39.96],[117.34,39.95]]]}}]}
            """
        try Data(layer.utf8).write(to: URL(fileURLWithPath: folder + "/redline.geojson"))
        let run = try redline(["zones", "import", folder + "/redline.geojson", "--out", folder + "/out"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("HXLX: no ecological_redline level for \"石漠化\" (2)"), "\(run.stderr)")
        #expect(run.stderr.contains("water_conservation (水源涵养)"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/catalog.json"))
        // An unknown layer is refused with its fields and the way out.
        try Data(layer.replacingOccurrences(of: "HX", with: "QQ").utf8).write(to: URL(fileURLWithPath: folder + "/odd.geojson"))
        let odd = try redline(["zones", "import", folder + "/odd.geojson", "--out", folder + "/out"])
        #expect(odd.status == 1 && odd.stderr.contains("no profile recognises this layer (fields: QQBM, QQLX, QQMC)"), "\(odd.stderr)")
    }
}

extension ZonesImportTests {
    @Test("a red-line feature carrying a protected area yields it too; an invalid geometry fails the check unless --repair, which is logged")
    func embeddedAreaAndRepair() throws {
        let folder = Self.newFolder("embedded")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let layer = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"HXBM":"R-1","HXMC":"红线甲","HXLX":"生物多样性维护","ZRBHDMC":"某自然保护区","ZRBHDLX":"1","ZRBHDFQ":"核心保护区","ZRBHDJB":"国家级"},"geometry":{"type":"Polygon","coordinates":[[[117.30,39.95],[117.31,39.95],[117.31,39.96],[117.30,39.96],[117.30,39.95]]]}},
             {"type":"Feature","properties":{"HXBM":"R-2","HXMC":"红线乙","HXLX":"水源涵养"},"geometry":{"type":"Polygon","coordinates":[[[117.32,39.95],[117.33,39.96],[117.33,39.95],[117.32,39.96],[117.32,39.95]]]}}]}
            """
        try Data(layer.utf8).write(to: URL(fileURLWithPath: folder + "/rl.geojson"))
        let plain = try redline(["zones", "import", folder + "/rl.geojson", "\(Self.layers)/admin_district.geojson", "--out", folder + "/plain"])
        #expect(plain.status == 1)
        #expect(plain.stdout.contains("feature 1 (id R-2): Self-intersection — not repaired (repair not asked for)"), "\(plain.stdout)")
        #expect(plain.stdout.contains("(--repair repairs them with GEOS make-valid, logged)"))
        // The log, which a library user reads too, names no flag.
        let log = try String(contentsOfFile: folder + "/plain/import-log.json", encoding: .utf8)
        #expect(!log.contains("--"), "\(log)")
        let repaired = try redline(["zones", "import", folder + "/rl.geojson", "\(Self.layers)/admin_district.geojson", "--out", folder + "/fixed", "--repair"])
        #expect(repaired.status == 0, "\(repaired.stdout)\(repaired.stderr)")
        #expect(repaired.stdout.contains("Self-intersection — repaired (GEOS make-valid)"))
        let reserves = try #require(try JSONValue.parse(contentsOf: folder + "/fixed/layers/nature_reserve.geojson").objectValue)
        let properties = try #require(reserves["features"]?.arrayValue?.first?.objectValue?["properties"]?.objectValue)
        #expect(properties["id"] == "R-1-ZRBHD" && properties["name"] == "某自然保护区" && properties["level"] == "core_protection")
        #expect(properties["rank"] == "national")
    }
}

/// A digest for comparing files in tests (not for security).
enum Insecure {
    static func digest(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return String(hash, radix: 16) + "-\(data.count)"
    }
}
