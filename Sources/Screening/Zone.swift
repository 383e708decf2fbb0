import Geo

/// An entry of a zone's own access list (生态环境准入清单) that tightens the matrix for that zone.
public struct AccessListEntry: Sendable, Hashable {
    /// The category it concerns.
    public var category: String
    /// What it says; only stricter outcomes than the matrix take effect.
    public var outcome: Outcome
    /// Approvals it requires (for restricted).
    public var approvals: [String]
    /// Why.
    public var explanation: LocalizedText
    /// Its legal basis (an id of the ruleset's bases, or free text).
    public var basis: String?
}

/// One zone of a layer: an id, what kind and level it is, its geometry and its provenance.
public struct Zone: Sendable {
    /// Unique across the dataset.
    public var id: String
    /// The zone's Chinese name.
    public var name: String
    /// An English name, if the data gives one.
    public var englishName: String?
    public var kind: ZoneKind
    public var level: ZoneLevel
    /// The level exactly as the data writes it (a scenic area's "national" reads as level "general").
    public var rawLevel: String
    /// national / provincial / municipal / county, when known.
    public var rank: String?
    /// Who designates it.
    public var authority: String?
    /// Whether the geometry was drawn for illustration rather than taken from an official delineation.
    public var isIllustrative: Bool
    /// How the zone was made, for illustrative data.
    public var derivedFrom: String?
    /// Entries that tighten the rule matrix for this zone.
    public var accessList: [AccessListEntry]
    /// A control unit's category as its data words it (优先保护单元 …), when the data gives it.
    public var unitCategory: String? = nil
    /// A control unit's access list (准入清单), clause by clause, for the reviewer's 逐条对照.
    public var accessClauses: [AccessClause] = []
    /// Polygon or MultiPolygon, lon/lat.
    public var geometry: Geometry
    /// The layer file it came from (relative to the data folder) and its index there.
    public var layerFile: String
    public var featureIndex: Int
}

/// A zone named in a result: what a reader needs without the geometry.
public struct ZoneReference: Sendable, Hashable {
    public var id: String
    public var name: String
    public var englishName: String?
    public var kind: ZoneKind
    public var level: ZoneLevel
    public var layerFile: String
    public var isIllustrative: Bool
    public var unitCategory: String?
    public var accessClauses: [AccessClause]

    init(_ zone: Zone) {
        id = zone.id
        name = zone.name
        englishName = zone.englishName
        kind = zone.kind
        level = zone.level
        layerFile = zone.layerFile
        isIllustrative = zone.isIllustrative
        unitCategory = zone.unitCategory
        accessClauses = zone.accessClauses
    }
}
