import Geo

/// What changed for one zone id between two versions of a dataset.
public struct ZoneChange: Sendable {
    public enum Status: String, Sendable {
        case added
        case removed
        case changed
        case unchanged
    }

    public var id: String
    public var kind: ZoneKind
    public var level: String
    public var status: Status
    public var oldArea: Area?
    public var newArea: Area?
    /// Area inside the new zone but not the old one.
    public var gained: Area
    /// Area inside the old zone but not the new one.
    public var lost: Area
    /// newArea − oldArea.
    public var net: Double
}

/// What changed for one kind, with its zones dissolved, and where.
public struct KindChange: Sendable {
    public var kind: ZoneKind
    public var oldArea: Area
    public var newArea: Area
    public var gained: Area
    public var lost: Area
    /// newArea − oldArea (m²).
    public var net: Double
    /// Where the kind gained and lost ground (lon/lat), for GIS.
    public var gainedGeometry: Geometry
    public var lostGeometry: Geometry
}

/// The comparison of two versions of a dataset, with the red-line test of "生态保护红线面积不减少".
public struct DatasetDiff: Sendable {
    public var zones: [ZoneChange]
    public var kinds: [KindChange]

    /// Net change of the dissolved red-line area (m²); zero when neither version has a red line.
    public var redLineNet: Double { kinds.first { $0.kind == .ecologicalRedline }?.net ?? 0 }
    /// Whether the red line lost area beyond numerical noise (0.01 m²).
    public var redLineDecreased: Bool { redLineNet < -0.01 }
}

/// Compares two datasets zone by zone (matched by id) and kind by kind.
public enum DatasetDiffer {
    public static func diff(old: Dataset, new: Dataset) throws -> DatasetDiff {
        let oldZones = Dictionary(old.zones.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newZones = Dictionary(new.zones.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ids = Set(oldZones.keys).union(newZones.keys).sorted()
        let zones = try parallelMap(ids.count) { index -> ZoneChange in
            let id = ids[index]
            let before = oldZones[id], after = newZones[id]
            let oldArea = try before.map { Area(squareMetres: try $0.geometry.geodesicArea()) }
            let newArea = try after.map { Area(squareMetres: try $0.geometry.geodesicArea()) }
            let kind = after?.kind ?? before?.kind ?? .ecologicalRedline
            let level = after?.rawLevel ?? before?.rawLevel ?? ""
            switch (before, after) {
            case (nil, _?):
                return ZoneChange(
                    id: id, kind: kind, level: level, status: .added, oldArea: nil, newArea: newArea, gained: newArea ?? Area(squareMetres: 0),
                    lost: Area(squareMetres: 0), net: newArea?.squareMetres ?? 0)
            case let (before?, nil):
                return ZoneChange(
                    id: id, kind: before.kind, level: level, status: .removed, oldArea: oldArea, newArea: nil, gained: Area(squareMetres: 0),
                    lost: oldArea ?? Area(squareMetres: 0), net: -(oldArea?.squareMetres ?? 0))
            case let (before?, after?):
                let same = try before.geometry.isExactlyEqual(to: after.geometry) && before.kind == after.kind && before.rawLevel == after.rawLevel
                let gained = same ? 0 : try after.geometry.difference(before.geometry).geodesicArea()
                let lost = same ? 0 : try before.geometry.difference(after.geometry).geodesicArea()
                return ZoneChange(
                    id: id, kind: kind, level: level, status: same ? .unchanged : .changed, oldArea: oldArea, newArea: newArea,
                    gained: Area(squareMetres: gained), lost: Area(squareMetres: lost),
                    net: (newArea?.squareMetres ?? 0) - (oldArea?.squareMetres ?? 0))
            case (nil, nil):
                throw ScreeningError.data(file: "", feature: id, message: "internal: zone in neither version")
            }
        }
        let kinds = ZoneKind.allCases.filter { kind in kind.carriesRules && (old.zones.contains { $0.kind == kind } || new.zones.contains { $0.kind == kind }) }
        // A zone unchanged in both versions (one id, same geometry, kind and level) cannot move the dissolved boundary
        // by itself: ground is gained only inside changed or added zones, and lost only inside changed or removed ones.
        let oldCounts = Dictionary(old.zones.map { ($0.id, 1) }, uniquingKeysWith: +)
        let newCounts = Dictionary(new.zones.map { ($0.id, 1) }, uniquingKeysWith: +)
        let unchanged = Set(zones.filter { $0.status == .unchanged && oldCounts[$0.id] == 1 && newCounts[$0.id] == 1 }.map(\.id))
        let kindChanges = try parallelMap(kinds.count) { index -> KindChange in
            let kind = kinds[index]
            let before = old.zones.filter { $0.kind == kind }.map { (id: $0.id, geometry: $0.geometry) }
            let after = new.zones.filter { $0.kind == kind }.map { (id: $0.id, geometry: $0.geometry) }
            let oldArea = try AreaReporter.dissolvedArea(before.map(\.geometry))
            let same = before.count == after.count && before.allSatisfy { unchanged.contains($0.id) }
            let newArea = same ? oldArea : try AreaReporter.dissolvedArea(after.map(\.geometry))
            let gained = try outside(after.filter { !unchanged.contains($0.id) }.map(\.geometry), of: before.map(\.geometry))
            let lost = try outside(before.filter { !unchanged.contains($0.id) }.map(\.geometry), of: after.map(\.geometry))
            return KindChange(
                kind: kind, oldArea: Area(squareMetres: oldArea), newArea: Area(squareMetres: newArea),
                gained: Area(squareMetres: try gained.geodesicArea()), lost: Area(squareMetres: try lost.geodesicArea()),
                net: newArea - oldArea, gainedGeometry: gained, lostGeometry: lost)
        }
        return DatasetDiff(zones: zones, kinds: kindChanges)
    }

    /// The part of the union of `pieces` outside the union of `others`: only the others whose envelopes meet a piece's
    /// are unioned (the rest cannot touch it).
    static func outside(_ pieces: [Geometry], of others: [Geometry]) throws -> Geometry {
        let union = try Geometry.unaryUnion(of: pieces)
        guard !union.isEmpty else { return union }
        let envelopes = pieces.compactMap(\.envelope)
        let near = others.filter { other in other.envelope.map { e in envelopes.contains { $0.intersects(e) } } ?? false }
        guard !near.isEmpty else { return union }
        return try union.difference(Geometry.unaryUnion(of: near)).extracting(dimension: 2)
    }
}
