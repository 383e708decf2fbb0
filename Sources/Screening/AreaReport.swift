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
    public static let protectiveKinds: [ZoneKind] = [
        .ecologicalRedline, .natureReserve, .scenicArea, .forestPark, .wetlandPark,
        .geoPark, .waterSource, .permanentEcoArea,
    ]
}

/// Builds zone-area reports. Unions are computed once per kind and level, in parallel, and the kind totals are
/// unions of the level unions rather than a second union of every zone. Every union is taken per component of
/// intersecting polygons: components that do not touch are disjoint parts whose areas simply add up, and a zone alone
/// in its component needs no overlay at all. A kind whose zones are proven interior-disjoint from their edges
/// (`PlanarCoverage.provenDisjoint`) is not unioned at all.
public enum AreaReporter {
    /// A union as disjoint parts, each with its geodesic area, and big parts cut into cells (`withCells`).
    struct Parts: Sendable {
        var geometries: [Geometry]
        var areas: [Double]
        var cells: [SubdivisionCells?] = []
        var area: Double { areas.reduce(0, +) }

        /// The same parts, those of more than `cutVertices` vertices cut into cells.
        func withCells() throws -> Parts {
            var cut = self
            cut.cells = try parallelMap(geometries.count) { index in
                geometries[index].numberOfPoints > AreaReporter.cutVertices ? try SubdivisionCells(geometries[index], levels: [4096, 1024]) : nil
            }
            return cut
        }
    }

    /// Parts above this many vertices are cut into cells of at most 4,096 and 1,024 vertices for the matrix. A smaller
    /// part whose envelope lies in a cell's rectangle meets the big part there only: the cut points on the rectangle's
    /// sides are either outside it or on its boundary, where the overlay would put a node anyway, so the intersection
    /// is the same polygon.
    static let cutVertices = 8192

    /// The union of `geometries` (with known geodesic `areas`) as disjoint parts, one per component of intersecting
    /// polygons (envelopes meet, then GEOS's prepared `intersects`).
    static func union(_ geometries: [Geometry], areas: [Double]) throws -> Parts {
        let envelopes = geometries.map(\.envelope)
        let index = try SpatialIndex(envelopes: envelopes)
        var parent = Array(geometries.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        // Components of "interiors may overlap": envelopes meet and the polygons intersect. A union of polygons that do
        // not interact still nodes them all and locates each one's rings in the others, so they are kept apart.
        var prepared: [PreparedGeometry?] = Array(repeating: nil, count: geometries.count)
        for (i, e) in envelopes.enumerated() {
            guard let e else { continue }
            for j in try index.query(e) where j > i && root(j) != root(i) {
                let test = try prepared[i] ?? PreparedGeometry(geometries[i])
                prepared[i] = test
                if try test.intersects(geometries[j]) { parent[root(j)] = root(i) }
            }
        }
        var clusters: [Int: [Int]] = [:]
        for i in geometries.indices { clusters[root(i), default: []].append(i) }
        var result = Parts(geometries: [], areas: [])
        for members in clusters.values.sorted(by: { $0[0] < $1[0] }) {
            if members.count == 1 {
                result.geometries.append(geometries[members[0]])
                result.areas.append(areas[members[0]])
                continue
            }
            // A member inside another without touching its boundary adds nothing to the union, and neither does a
            // copy of one (nested levels, zones listed twice). A member that touches the other's boundary stays: the
            // union would add nodes there, and the geodesic area depends on them.
            var kept: [Int] = []
            for j in members {
                guard let ej = envelopes[j] else { continue }
                var dropped = false
                for i in members where i != j && !dropped {
                    guard let ei = envelopes[i], ei.contains(ej) else { continue }
                    if ej.contains(ei) {
                        dropped = try i < j && geometries[i].isExactlyEqual(to: geometries[j])
                    } else {
                        let test = try prepared[i] ?? PreparedGeometry(geometries[i])
                        prepared[i] = test
                        dropped = try test.containsProperly(geometries[j])
                    }
                }
                if !dropped { kept.append(j) }
            }
            if kept.isEmpty { continue }
            if kept.count == 1 {
                result.geometries.append(geometries[kept[0]])
                result.areas.append(areas[kept[0]])
            } else {
                let union = try Geometry.unaryUnion(of: kept.map { geometries[$0] })
                result.geometries.append(union)
                result.areas.append(try union.geodesicArea())
            }
        }
        return result
    }

    /// The geodesic area of the union of polygons, counted as the report counts it: added up when they are proven not
    /// to overlap, otherwise per component of intersecting polygons.
    static func dissolvedArea(_ geometries: [Geometry]) throws -> Double {
        let areas = try geometries.map { try $0.geodesicArea() }
        if geometries.count > 1, try PlanarCoverage.provenDisjoint(geometries) { return areas.reduce(0, +) }
        return try union(geometries, areas: areas).area
    }

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
        // A kind whose zones are proven not to overlap (control units tiling their region) needs no union at all:
        // its zones are the disjoint parts of every union of its levels.
        let kinds = ZoneKind.allCases.filter { kind in levelKeys.contains { $0.kind == kind } }
        let provenKinds = try parallelMap(kinds.count) { index -> Bool in
            let members = zones.filter { $0.kind == kinds[index] }
            return members.count > 1 ? try PlanarCoverage.provenDisjoint(members.map(\.geometry)) : true
        }
        let disjointKinds = Set(zip(kinds, provenKinds).filter(\.1).map(\.0))
        let levelUnionsByOrder = try parallelMap(order.count) { slot -> Parts in
            let key = levelKeys[order[slot]]
            let indices = members[key] ?? []
            if disjointKinds.contains(key.kind) { return Parts(geometries: indices.map { zones[$0].geometry }, areas: indices.map { areas[$0] }) }
            return try union(indices.map { zones[$0].geometry }, areas: indices.map { areas[$0] })
        }
        var unionsByKey: [Key: Parts] = [:]
        for (slot, position) in order.enumerated() { unionsByKey[levelKeys[position]] = levelUnionsByOrder[slot] }
        let levelUnion = unionsByKey

        let kindUnions = try parallelMap(kinds.count) { index -> Parts in
            let parts = levelKeys.filter { $0.kind == kinds[index] }.compactMap { levelUnion[$0] }
            if parts.count == 1 || disjointKinds.contains(kinds[index]) {
                return Parts(geometries: parts.flatMap(\.geometries), areas: parts.flatMap(\.areas))
            }
            return try union(parts.flatMap(\.geometries), areas: parts.flatMap(\.areas))
        }
        let unionGeometry = Dictionary(uniqueKeysWithValues: zip(kinds, kindUnions))

        var groups: [AreaGroup] = []
        for kind in kinds {
            for key in levelKeys where key.kind == kind {
                let indices = members[key] ?? []
                groups.append(
                    AreaGroup(
                        kind: kind, level: key.level, zones: indices.count,
                        sumArea: Area(squareMetres: indices.reduce(0) { $0 + areas[$1] }),
                        unionArea: Area(squareMetres: levelUnion[key]?.area ?? 0)))
            }
            let indices = zones.indices.filter { zones[$0].kind == kind }
            groups.append(
                AreaGroup(
                    kind: kind, level: "*", zones: indices.count,
                    sumArea: Area(squareMetres: indices.reduce(0) { $0 + areas[$1] }),
                    unionArea: Area(squareMetres: unionGeometry[kind]?.area ?? 0)))
        }

        var overlap: [[Area]] = []
        if overlapMatrix {
            let pairs = kinds.indices.flatMap { i in kinds.indices.filter { $0 > i }.map { (i, $0) } }
            let cutUnions = try kindUnions.map { try $0.withCells() }
            let pairAreas = try parallelMap(pairs.count) { index -> Double in
                let (i, j) = pairs[index]
                return try inside(cutUnions[i], cutUnions[j])
            }
            overlap = kinds.indices.map { i in kinds.indices.map { j in Area(squareMetres: i == j ? kindUnions[i].area : 0) } }
            for (index, (i, j)) in pairs.enumerated() {
                overlap[i][j] = Area(squareMetres: pairAreas[index])
                overlap[j][i] = Area(squareMetres: pairAreas[index])
            }
        }

        var districts: [DistrictAreas] = []
        if districtBreakdown {
            let districtZones = dataset.zones.filter { $0.kind == .adminDistrict }
            let protectiveParts = AreaReport.protectiveKinds.compactMap { unionGeometry[$0] }
            let protective = try union(protectiveParts.flatMap(\.geometries), areas: protectiveParts.flatMap(\.areas))
            districts = try parallelMap(districtZones.count) { index -> DistrictAreas in
                let district = districtZones[index]
                let whole = Parts(geometries: [district.geometry], areas: [try district.geometry.geodesicArea()])
                var rows: [(kind: ZoneKind, level: String, area: Area)] = []
                for kind in kinds {
                    for key in levelKeys where key.kind == kind {
                        if let union = levelUnion[key] { rows.append((kind, key.level, Area(squareMetres: try inside(whole, union)))) }
                    }
                    if let union = unionGeometry[kind] { rows.append((kind, "*", Area(squareMetres: try inside(whole, union)))) }
                }
                let area = Area(squareMetres: whole.area)
                let protectedArea = Area(squareMetres: try inside(whole, protective))
                return DistrictAreas(
                    district: ZoneReference(district), area: area, groups: rows, protectedArea: protectedArea,
                    protectedShare: area.squareMetres > 0 ? protectedArea.squareMetres / area.squareMetres : 0)
            }
        }
        return AreaReport(
            datasetName: dataset.name, datasetVersion: dataset.version, groups: groups, districts: districts,
            matrixKinds: overlapMatrix ? kinds : [], overlap: overlap)
    }

    /// The geodesic area of (union a) ∩ (union b): the parts of each are disjoint, so the areas of the part-by-part
    /// intersections add up. A part meets a big cut part only through the big part's cell around it, clipped to its
    /// envelope (the same point set there, see `cutVertices`).
    static func inside(_ a: Parts, _ b: Parts) throws -> Double {
        var total = 0.0
        for (i, x) in a.geometries.enumerated() {
            guard let ex = x.envelope else { continue }
            var prepared: PreparedGeometry?
            for (j, y) in b.geometries.enumerated() {
                guard let ey = y.envelope, ex.intersects(ey) else { continue }
                if let cells = j < b.cells.count ? b.cells[j] : nil {
                    total += try intersectionArea(x, ex, cutPart: y, cells)
                } else if let cells = i < a.cells.count ? a.cells[i] : nil {
                    total += try intersectionArea(y, ey, cutPart: x, cells)
                } else {
                    let test = try prepared ?? PreparedGeometry(x)
                    prepared = test
                    guard try test.intersects(y) else { continue }
                    total += try x.intersection(y).geodesicArea()
                }
            }
        }
        return total
    }

    /// Area of `small` ∩ `big`, with `big` read only inside `small`'s envelope.
    private static func intersectionArea(_ small: Geometry, _ envelope: Envelope, cutPart big: Geometry, _ cells: SubdivisionCells) throws -> Double {
        let window = try (cells.piece(holding: envelope) ?? big).clipped(to: envelope).extracting(dimension: 2)
        guard !window.isEmpty else { return 0 }
        do {
            return try small.intersection(window).geodesicArea()
        } catch {
            // A clipped piece GEOS cannot overlay (a rare degenerate cut): the whole part, as without cells.
            return try small.intersection(big).geodesicArea()
        }
    }
}
