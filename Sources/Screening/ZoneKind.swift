/// A kind of zoning layer (DOMAIN.md §2), with the levels (sub-zones) that the rules tell apart.
public enum ZoneKind: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case ecologicalRedline = "ecological_redline"
    case natureReserve = "nature_reserve"
    case scenicArea = "scenic_area"
    case forestPark = "forest_park"
    case wetlandPark = "wetland_park"
    case geoPark = "geo_park"
    case waterSource = "water_source"
    case livestockNoGo = "livestock_nogo"
    case controlUnit = "control_unit"
    case permanentEcoArea = "permanent_eco_area"
    case fuelBanZone = "fuel_ban_zone"
    /// 永久基本农田 (三区三线).
    case permanentFarmland = "permanent_farmland"
    /// 城镇开发边界 (三区三线).
    case urbanDevelopmentBoundary = "urban_development_boundary"
    case adminDistrict = "admin_district"

    /// The kind for a data file's `kind` value.
    ///
    /// - Throws: `ScreeningError.unknownKind`, which lists the known kinds.
    public init(parsing text: String) throws {
        guard let kind = ZoneKind(rawValue: text) else { throw ScreeningError.unknownKind(text) }
        self = kind
    }

    /// The levels this kind has, in order from strictest to loosest where there is an order.
    public var levels: [ZoneLevel] {
        switch self {
        case .ecologicalRedline:
            return [
                .init("water_conservation", "水源涵养", "water conservation"),
                .init("biodiversity", "生物多样性维护", "biodiversity maintenance"),
                .init("soil_conservation", "水土保持", "soil and water conservation"),
                .init("windbreak_sand_fixation", "防风固沙", "windbreak and sand fixation"),
                .init("coastal_stability", "海岸生态稳定", "coastal ecological stability"),
                .init("fragile", "生态脆弱区", "ecologically sensitive and fragile"),
            ]
        case .natureReserve:
            return [
                .init("core", "核心区", "core zone (legacy zoning)"),
                .init("buffer", "缓冲区", "buffer zone (legacy zoning)"),
                .init("experimental", "实验区", "experimental zone (legacy zoning)"),
                .init("core_protection", "核心保护区", "core protection zone (2026 zoning)"),
                .init("general_control", "一般控制区", "general control zone (2026 zoning)"),
            ]
        case .scenicArea:
            return [
                .init("core_scenic", "核心景区", "core scenic area"),
                .init("general", "核心景区以外", "outside the core scenic area"),
            ]
        case .forestPark, .wetlandPark, .geoPark:
            return [
                .init("national", "国家级", "national"),
                .init("provincial", "省级", "provincial"),
                .init("municipal", "市县级", "municipal"),
            ]
        case .waterSource:
            return [
                .init("1", "一级保护区", "level-1 protection zone"),
                .init("2", "二级保护区", "level-2 protection zone"),
                .init("quasi", "准保护区", "quasi-protection zone"),
            ]
        case .livestockNoGo:
            return [
                .init("prohibited", "禁养区", "no-go zone (statutory)"),
                .init("restricted", "限养区", "restricted zone (advisory)"),
            ]
        case .controlUnit:
            return [
                .init("priority", "优先保护单元", "priority protection unit"),
                .init("key", "重点管控单元", "key control unit"),
                .init("general", "一般管控单元", "general control unit"),
            ]
        case .permanentEcoArea:
            return [
                .init("red", "红线区", "red-line area"),
                .init("yellow", "黄线区", "yellow-line area"),
            ]
        case .fuelBanZone:
            return [.init("ban", "禁燃区", "high-polluting-fuel ban zone")]
        case .permanentFarmland:
            return [.init("farmland", "永久基本农田", "permanent basic farmland")]
        case .urbanDevelopmentBoundary:
            return [.init("boundary", "城镇开发边界内", "inside the urban development boundary")]
        case .adminDistrict:
            return [
                .init("province", "省级", "province"),
                .init("city", "市级", "city"),
                .init("county", "县级", "county / district"),
            ]
        }
    }

    /// The level for a data file's `level` value of this kind.
    ///
    /// Scenic areas also accept a rank ("national", "provincial", "municipal") as level, as the benchmark
    /// data writes it: that means the scenic area outside its core ("general").
    ///
    /// - Throws: `ScreeningError.unknownLevel`, which lists this kind's known levels.
    public func level(parsing text: String) throws -> ZoneLevel {
        if let level = levels.first(where: { $0.code == text }) { return level }
        if self == .scenicArea, ["national", "provincial", "municipal"].contains(text), let general = levels.last {
            return general
        }
        throw ScreeningError.unknownLevel(kind: self, level: text)
    }

    /// The Chinese name, for example "生态保护红线".
    public var chineseName: String {
        switch self {
        case .ecologicalRedline: "生态保护红线"
        case .natureReserve: "自然保护区"
        case .scenicArea: "风景名胜区"
        case .forestPark: "森林公园"
        case .wetlandPark: "湿地公园"
        case .geoPark: "地质公园"
        case .waterSource: "饮用水水源保护区"
        case .livestockNoGo: "畜禽养殖禁养区/限养区"
        case .controlUnit: "生态环境管控单元"
        case .permanentEcoArea: "天津市永久性保护生态区域"
        case .fuelBanZone: "高污染燃料禁燃区"
        case .permanentFarmland: "永久基本农田"
        case .urbanDevelopmentBoundary: "城镇开发边界"
        case .adminDistrict: "行政区"
        }
    }

    /// The English name, for example "ecological protection red line".
    public var englishName: String {
        switch self {
        case .ecologicalRedline: "ecological protection red line"
        case .natureReserve: "nature reserve"
        case .scenicArea: "scenic area"
        case .forestPark: "forest park"
        case .wetlandPark: "wetland park"
        case .geoPark: "geopark"
        case .waterSource: "drinking-water source protection zone"
        case .livestockNoGo: "livestock no-go / restricted zone"
        case .controlUnit: "environmental control unit"
        case .permanentEcoArea: "Tianjin permanent ecological protection area"
        case .fuelBanZone: "high-polluting-fuel ban zone"
        case .permanentFarmland: "permanent basic farmland"
        case .urbanDevelopmentBoundary: "urban development boundary"
        case .adminDistrict: "administrative district"
        }
    }

    /// Whether the kind carries rules (administrative districts are for reporting only).
    public var carriesRules: Bool { self != .adminDistrict }

    /// Order of presentation in reports: the order of the cases.
    public static func < (lhs: ZoneKind, rhs: ZoneKind) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// A level (sub-zone) of a zone kind, for example 一级保护区 of a water source.
public struct ZoneLevel: Sendable, Hashable {
    /// The code used in data files, for example "1", "core", "priority".
    public let code: String
    /// The Chinese label.
    public let chineseName: String
    /// The English label.
    public let englishName: String

    init(_ code: String, _ chinese: String, _ english: String) {
        self.code = code
        chineseName = chinese
        englishName = english
    }
}
