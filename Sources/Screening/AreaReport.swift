import Geo

/// One row of the zone-area report: the zones of a kind and level ("*" for all levels of the kind).
public struct AreaGroup: Sendable {
    public var kind: ZoneKind
    /// The level as the data writes it, or "*".
    public var level: String
    public var zones: Int
    /// Σ of the zones' geodesic areas (overlaps counted as often as they occur).
    public var sumArea: Area
    /// Geodesic area of the union (overlaps counted once).
    public var unionArea: Area
}

/// One district: its area, the dissolved area of each kind and level inside it, and its share under protection.
public struct DistrictAreas: Sendable {
    public var district: ZoneReference
    public var area: Area
    /// (kind, level or "*") → dissolved area inside the district.
    public var groups: [(kind: ZoneKind, level: String, area: Area)]
    /// Dissolved area of the protective kinds inside the district.
    public var protectedArea: Area
    public var protectedShare: Double
}

/// The zone-area report of a dataset (issue: "生态保护红线面积不减少" is checked on these figures).
public struct AreaReport: Sendable {
    public var datasetName: String
    public var datasetVersion: String
    public var groups: [AreaGroup]
    public var districts: [DistrictAreas]
    /// Kinds in matrix order, and overlap[i][j] = area of (union of kind i) ∩ (union of kind j); the diagonal is the union.
    public var matrixKinds: [ZoneKind]
    public var overlap: [[Area]]
    /// The kinds counted as "under protection" in the district shares.
    public static let protectiveKinds: [ZoneKind] = [.ecologicalRedline, .natureReserve, .scenicArea, .forestPark, .wetlandPark,
                                                     .geoPark, .waterSource, .permanentEcoArea]
}

/// Builds zone-area reports. Unions are computed once per kind and level, in parallel, and the kind totals
/// are unions of the level unions rather than a second union of every zone.
public enum AreaReporter {
    /// The report for a dataset. `districtBreakdown` and `overlapMatrix` can be left out when only the totals are wanted.
    public static func report(_ dataset: Dataset, districtBreakdown: Bool = true, overlapMatrix: Bool = true) throws -> AreaReport {
        let zones = dataset.zones.filter { $0.kind.carriesRules }
        let areas = try parallelMap(zones.count) { try zones[$0].geometry.geodesicArea() }

        struct Key: Hashable, Sendable { var kind: ZoneKind; var level: String }
        var grouping: [Key: [Int]] = [:]
        for (index, zone) in zones.enumerated() { grouping[Key(kind: zone.kind, level: zone.rawLevel), default: []].append(index) }
        let members = grouping
        let levelKeys = members.keys.sorted { ($0.kind, $0.level) < ($1.kind, $1.level) }
        // Largest groups first, so the two cores finish together.
        let order = levelKeys.indices.sorted { (members[levelKeys[$0]]?.count ?? 0) > (members[levelKeys[$1]]?.count ?? 0) }
        let levelUnionsByOrder = try parallelMap(order.count) { slot -> Geometry in
            let key = levelKeys[order[slot]]
            return try Geometry.unaryUnion(of: (members[key] ?? []).map { zones[$0].geometry })
        }
        var unionsByKey: [Key: Geometry] = [:]
        for (slot, position) in order.enumerated() { unionsByKey[levelKeys[position]] = levelUnionsByOrder[slot] }
        let levelUnion = unionsByKey

        let kinds = ZoneKind.allCases.filter { kind in levelKeys.contains { $0.kind == kind } }
        let kindUnions = try parallelMap(kinds.count) { index -> Geometry in
            let parts = levelKeys.filter { $0.kind == kinds[index] }.compactMap { levelUnion[$0] }
            return parts.count == 1 ? parts[0] : try Geometry.unaryUnion(of: parts)
        }
        let unionGeometry = Dictionary(uniqueKeysWithValues: zip(kinds, kindUnions))

        var groups: [AreaGroup] = []
        let levelUnionAreas = try parallelMap(levelKeys.count) { try levelUnion[levelKeys[$0]]?.geodesicArea() ?? 0 }
        let kindUnionAreas = try parallelMap(kinds.count) { try kindUnions[$0].geodesicArea() }
        for kind in kinds {
            for (position, key) in levelKeys.enumerated() where key.kind == kind {
                let indices = members[key] ?? []
                groups.append(AreaGroup(kind: kind, level: key.level, zones: indices.count,
                                        sumArea: Area(squareMetres: indices.reduce(0) { $0 + areas[$1] }),
                                        unionArea: Area(squareMetres: levelUnionAreas[position])))
            }
            let indices = zones.indices.filter { zones[$0].kind == kind }
            groups.append(AreaGroup(kind: kind, level: "*", zones: indices.count,
                                    sumArea: Area(squareMetres: indices.reduce(0) { $0 + areas[$1] }),
                                    unionArea: Area(squareMetres: kindUnionAreas[kinds.firstIndex(of: kind) ?? 0])))
        }

        var overlap: [[Area]] = []
        if overlapMatrix {
            let pairs = kinds.indices.flatMap { i in kinds.indices.filter { $0 > i }.map { (i, $0) } }
            let pairAreas = try parallelMap(pairs.count) { index -> Double in
                let (i, j) = pairs[index]
                guard let a = kindUnions[i].envelope, let b = kindUnions[j].envelope, a.intersects(b) else { return 0 }
                return try kindUnions[i].intersection(kindUnions[j]).geodesicArea()
            }
            overlap = kinds.indices.map { i in kinds.indices.map { j in Area(squareMetres: i == j ? kindUnionAreas[i] : 0) } }
            for (index, (i, j)) in pairs.enumerated() {
                overlap[i][j] = Area(squareMetres: pairAreas[index])
                overlap[j][i] = Area(squareMetres: pairAreas[index])
            }
        }

        var districts: [DistrictAreas] = []
        if districtBreakdown {
            let districtZones = dataset.zones.filter { $0.kind == .adminDistrict }
            let protective = try Geometry.unaryUnion(of: AreaReport.protectiveKinds.compactMap { unionGeometry[$0] })
            districts = try parallelMap(districtZones.count) { index -> DistrictAreas in
                let district = districtZones[index]
                let prepared = try PreparedGeometry(district.geometry)
                func inside(_ geometry: Geometry) throws -> Area {
                    guard try prepared.intersects(geometry) else { return Area(squareMetres: 0) }
                    return Area(squareMetres: try district.geometry.intersection(geometry).geodesicArea())
                }
                var rows: [(kind: ZoneKind, level: String, area: Area)] = []
                for kind in kinds {
                    for key in levelKeys where key.kind == kind {
                        if let union = levelUnion[key] { rows.append((kind, key.level, try inside(union))) }
                    }
                    if let union = unionGeometry[kind] { rows.append((kind, "*", try inside(union))) }
                }
                let area = Area(squareMetres: try district.geometry.geodesicArea())
                let protectedArea = try inside(protective)
                return DistrictAreas(district: ZoneReference(district), area: area, groups: rows, protectedArea: protectedArea,
                                     protectedShare: area.squareMetres > 0 ? protectedArea.squareMetres / area.squareMetres : 0)
            }
        }
        return AreaReport(datasetName: dataset.name, datasetVersion: dataset.version, groups: groups, districts: districts,
                          matrixKinds: overlapMatrix ? kinds : [], overlap: overlap)
    }
}
