import Foundation
import Geo

/// How the fields of an official layer become RedLine zones: which field holds the id, the name, the kind and the
/// level, and how their values translate. Built-in profiles (`ZoneMapping.profiles`) cover the schemas officials
/// receive; a mapping file (`ZoneMapping.parse`) covers everything else.
public struct ZoneMapping: Sendable {
    /// Where a zone's kind or level comes from: a fixed value, or the first of these fields a layer has.
    public enum Source: Sendable, Hashable {
        case fixed(String)
        case field([String])
    }

    /// What a profile does beyond field-to-field mapping.
    public enum Special: Sendable, Hashable {
        /// Kind from the protected-area type, level from the functional zone (reserves, scenic areas) or the rank (parks).
        case protectedArea
        /// A red-line feature that also carries a protected area (ZRBHDMC …) yields that protected area as well.
        case redLineWithProtectedArea
        /// RedLine's own schema: clauses an earlier import attached (`access_clauses`) come along.
        case redlineSchema
    }

    /// "control_units", or "mapping FILE".
    public var name: String
    /// Fields any one of which marks a layer as this profile's (auto detection).
    var signature: [String] = []
    /// Layer names (GDB layers) that mark a layer as this profile's.
    var layerNames: [String] = []
    /// Fields a layer must all have to be this profile's.
    var requiredFields: [String] = []
    var kind: Source
    var idFields: [String]
    var nameFields: [String]
    var level: Source?
    var rankFields: [String] = []
    /// field → (value → kind, level or rank code)
    var values: [String: [String: String]] = [:]
    var accessFields: [AccessDimension: [String]] = [:]
    var special: Special?
    /// When the layer has none of `idFields`: ids are made from the name and level (logged), instead of refusing.
    var derivesIDs = false
    /// Properties copied to the zone as they are (RedLine's own schema: nothing is lost on import).
    var carriedFields: [String] = []

    /// Whether a layer with these fields (and name) is this profile's.
    func matches(fields: Set<String>, layerName: String) -> Bool {
        (signature.contains { fields.contains($0) } || layerNames.contains(layerName)) && requiredFields.allSatisfy { fields.contains($0) }
    }
}

extension ZoneMapping {
    /// The value of the first of `fields` the feature has, as text (numbers as written: 1, not 1.0).
    static func text(_ properties: JSONObject, _ fields: [String]) -> (field: String, value: String)? {
        for field in fields {
            if let value = properties[field].flatMap(cellText) { return (field, value) }
        }
        return nil
    }

    /// A value as text, trimmed; nil when null or blank.
    static func cellText(_ value: JSONValue) -> String? {
        let text: String
        switch value {
        case .null: return nil
        case let .string(s): text = s.trimmingCharacters(in: .whitespacesAndNewlines)
        default: text = value.displayText
        }
        return text.isEmpty ? nil : text
    }

    /// The first of `fields` present in the layer at all.
    static func present(_ fields: [String], in layerFields: Set<String>) -> String? {
        fields.first { layerFields.contains($0) }
    }

    /// The kind a value names: through the value map, else a kind code or Chinese name.
    func kind(for value: String, field: String) -> ZoneKind? {
        let target = values[field]?[value] ?? value
        return ZoneKind(rawValue: target) ?? ZoneKind.allCases.first { $0.chineseName == target }
    }

    /// The level code a value names for `kind`: through the value map, else a level code or its Chinese name.
    func level(for value: String, field: String, kind: ZoneKind) -> String? {
        let target = values[field]?[value] ?? value
        return kind.levels.first { $0.code == target || $0.chineseName == target }?.code
    }
}

extension ZoneMapping {
    private static let unitCodes = ["HJZHGKDYBM", "HJGKDYBM", "环境综合管控单元编码", "环境管控单元编码", "管控单元编码"]
    private static let unitNames = ["HJZHGKDYMC", "HJGKDYMC", "环境综合管控单元名称", "环境管控单元名称", "管控单元名称"]
    private static let unitCategories = ["ZHGKDYFL", "综合管控单元分类", "管控单元分类", "环境管控单元分类", "管控单元类别", "单元分类", "REMARKS", "REMARK"]
    static let unitCategoryValues = [
        "1": "priority", "2": "key", "3": "general", "优先保护": "priority", "优先": "priority", "优先保护单元": "priority",
        "优先保护类": "priority", "重点管控": "key", "重点": "key", "重点管控单元": "key", "重点管控类": "key",
        "一般管控": "general", "一般": "general", "一般管控单元": "general", "一般管控类": "general",
    ]
    static let accessColumns: [AccessDimension: [String]] = [
        .spatialLayout: ["KJBJYS", "空间布局约束", "空间布局约束要求", "spatial_layout"],
        .pollutantEmission: ["PWWPFGK", "污染物排放管控", "污染物排放管控要求", "pollutant_emission"],
        .environmentalRisk: ["HJFXFK", "环境风险防控", "环境风险防控要求", "environmental_risk"],
        .resourceEfficiency: ["ZYKFXLYQ", "ZYLYXLYQ", "资源利用效率", "资源利用效率要求", "资源开发效率要求", "resource_efficiency"],
    ]
    /// 自然保护地 type codes of the forestry data (1 自然保护区 … 10 国家公园) and names. National parks are screened in
    /// the nature-reserve columns: the Code (Art. 861) zones both into core protection and general control.
    static let protectedAreaTypes = [
        "1": "nature_reserve", "2": "forest_park", "3": "wetland_park", "4": "scenic_area", "5": "geo_park",
        "10": "nature_reserve", "自然保护区": "nature_reserve", "国家级自然保护区": "nature_reserve",
        "森林公园": "forest_park", "湿地公园": "wetland_park", "风景名胜区": "scenic_area", "地质公园": "geo_park",
        "国家公园": "nature_reserve",
    ]
    static let protectedAreaZones = [
        "核心区": "core", "缓冲区": "buffer", "实验区": "experimental", "核心保护区": "core_protection",
        "一般控制区": "general_control", "核心景区": "core_scenic",
    ]
    static let parkRanks = [
        "国家级": "national", "省级": "provincial", "市级": "municipal", "县级": "municipal", "市县级": "municipal",
        "national": "national", "provincial": "provincial", "municipal": "municipal",
    ]
    static let protectedAreaTypeFields = ["ZRBHDLX", "自然保护地类型", "保护地类型", "类型"]
    static let protectedAreaZoneFields = ["ZRBHDFQ", "功能分区", "功能区"]
    static let protectedAreaRankFields = ["ZRBHDJB", "ZRBHQ_DJ", "级别", "保护地级别"]
    static let protectedAreaNames = ["ZRBHDMC", "ZRBHQ_MC", "自然保护地名称", "保护地名称"]

    /// The built-in profiles, in the order auto detection tries them.
    public static let profiles: [ZoneMapping] = [
        // 三线一单 环境综合管控单元 (成果数据规范 2018 style, and the older HJGKDYBM variant).
        ZoneMapping(
            name: "control_units", signature: unitCodes, kind: .fixed(ZoneKind.controlUnit.rawValue), idFields: unitCodes,
            nameFields: unitNames, level: .field(unitCategories),
            values: Dictionary(uniqueKeysWithValues: unitCategories.map { ($0, unitCategoryValues) }),
            accessFields: accessColumns),
        // 三区三线 生态保护红线 (部下发封库版 GDB: HXBM 红线编码, HXMC 名称, HXLX 类型).
        ZoneMapping(
            name: "redline", signature: ["HXBM", "HXMC", "HXLX", "红线编码"], layerNames: ["陆域生态保护红线", "生态保护红线", "stbhhx"],
            kind: .fixed(ZoneKind.ecologicalRedline.rawValue), idFields: ["HXBM", "红线编码", "BSM"], nameFields: ["HXMC", "红线名称"],
            level: .field(["HXLX", "红线类型"]),
            values: Dictionary(
                uniqueKeysWithValues: ["HXLX", "红线类型"].map {
                    (
                        $0,
                        [
                            "水源涵养": "water_conservation", "水源涵养功能": "water_conservation", "生物多样性维护": "biodiversity",
                            "生物多样性": "biodiversity", "生物多样性保护": "biodiversity", "水土保持": "soil_conservation", "防风固沙": "windbreak_sand_fixation",
                            "海岸生态稳定": "coastal_stability", "海岸防护": "coastal_stability",
                        ]
                    )
                }),
            special: .redLineWithProtectedArea),
        // 自然保护地 by type code and functional zone.
        ZoneMapping(
            name: "protected_areas", signature: ["ZRBHDLX", "自然保护地类型", "ZRBHQ_MC"], kind: .field(protectedAreaTypeFields),
            idFields: ["ZRBHDBM", "BSM", "自然保护地编码", "编码"], nameFields: protectedAreaNames + ["名称", "MC"],
            level: nil, rankFields: protectedAreaRankFields, special: .protectedArea, derivesIDs: true),
        // 饮用水水源保护区 (功能名称 一级/二级/准).
        ZoneMapping(
            name: "water_sources", signature: ["功能名称", "sydmc", "SYDMC", "sydbm", "SYDBM", "水源地名称"],
            kind: .fixed(ZoneKind.waterSource.rawValue), idFields: ["sydbm", "SYDBM", "水源地编码", "保护区编码"],
            nameFields: ["水源地名称", "sydmc", "SYDMC", "保护区名称", "名称"], level: .field(["功能名称", "保护区级别", "级别", "JB"]),
            values: Dictionary(
                uniqueKeysWithValues: ["功能名称", "保护区级别", "级别", "JB"].map {
                    (
                        $0,
                        [
                            "一级": "1", "一级保护区": "1", "一级区": "1", "二级": "2", "二级保护区": "2", "二级区": "2",
                            "准": "quasi", "准保护区": "quasi", "准保护": "quasi", "1": "1", "2": "2",
                        ]
                    )
                }),
            derivesIDs: true),
        // 三区三线 永久基本农田保护图斑.
        ZoneMapping(
            name: "permanent_farmland", signature: ["YJJBNTTBBH", "YJJBNTMJ"], layerNames: ["永久基本农田", "yjjbntbhtb"],
            kind: .fixed(ZoneKind.permanentFarmland.rawValue), idFields: ["YJJBNTTBBH", "BSM"], nameFields: ["YJJBNTTBBH", "BSM"],
            level: .fixed("farmland")),
        // 三区三线 城镇开发边界 (规划分区 GHFQDM/GHFQMC).
        ZoneMapping(
            name: "urban_development_boundary", signature: ["GHFQDM", "GHFQMC"], layerNames: ["城镇开发边界", "czkfbj"],
            kind: .fixed(ZoneKind.urbanDevelopmentBoundary.rawValue), idFields: ["BSM", "GHFQDM"], nameFields: ["GHFQMC"],
            level: .field(["GHFQMC"]),
            values: ["GHFQMC": ["城镇开发边界": "boundary", "城镇集中建设区": "boundary", "城镇弹性发展区": "boundary", "特别用途区": "boundary"]]),
        // Layers already in RedLine's own schema (id, name, kind, level).
        ZoneMapping(
            name: "redline_schema", signature: ["kind"], requiredFields: ["id", "kind"], kind: .field(["kind"]), idFields: ["id"], nameFields: ["name"],
            level: .field(["level"]), rankFields: ["rank"], special: .redlineSchema,
            carriedFields: ["name_en", "derived_from", "illustrative", "access_list"]),
    ]

    /// The built-in profile of this name.
    public static func profile(named name: String) -> ZoneMapping? { profiles.first { $0.name == name } }
}
