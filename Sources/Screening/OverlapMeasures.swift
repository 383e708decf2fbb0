import Geo

/// How a footprint's overlaps with the zones it meets are measured: one zone at a time (polygons against the zone
/// clipped near the footprint; lines from `PolygonPieces.lengthInside`), and per kind with overlapping zones counted once.
extension Screener {
    /// How the footprint meets a zone it intersects, with the overlap measured.
    /// `zoneGeometry` is the zone, or the zone clipped to a rectangle around the footprint (the same inside it).
    func overlap(of footprint: Geometry, with zoneGeometry: Geometry, zone: Zone, area: Area?, length: Double?) throws -> Finding {
        var finding = Finding(zone: ZoneReference(zone), relation: .touches)
        let kind = footprint.kind
        if kind.isPuntal {
            let points = try footprint.members()
            var inside = 0
            for point in points where try zoneGeometry.covers(point) && !zoneGeometry.touches(point) { inside += 1 }
            finding.pointsInside = inside
            finding.relation = inside == points.count ? .inside : inside > 0 ? .partlyInside : .touches
            finding.overlapShare = points.isEmpty ? nil : Double(inside) / Double(points.count)
            finding.overlapGeometry = try footprint.intersection(zoneGeometry)
            return finding
        }
        if try zoneGeometry.covers(footprint) {
            finding.relation = .inside
            finding.overlapArea = area
            finding.overlapLength = length
            finding.overlapShare = 1
            finding.overlapGeometry = footprint
            return finding
        }
        let intersection = try footprint.intersection(zoneGeometry)
        if kind.isPolygonal, let area {
            let part = try intersection.extracting(dimension: 2)
            let overlapArea = try part.geodesicArea()
            finding.overlapArea = Area(squareMetres: overlapArea)
            finding.overlapShare = area.squareMetres > 0 ? overlapArea / area.squareMetres : nil
            finding.overlapGeometry = part
            finding.relation = overlapArea > 0 ? .partlyInside : .touches
        } else if let length {
            let part = try intersection.extracting(dimension: 1)
            let overlapLength = try part.geodesicLength()
            finding.overlapLength = overlapLength
            finding.overlapShare = length > 0 ? overlapLength / length : nil
            finding.overlapGeometry = part
            finding.relation = overlapLength > 0 ? .partlyInside : .touches
        }
        if finding.relation == .touches { finding.overlapGeometry = intersection }
        return finding
    }

    /// A line footprint's finding in a zone it meets, from the length inside (`PolygonPieces.lengthInside`): inside
    /// when that is all of it, partly inside when some, else it only touches the boundary.
    func lineFinding(_ line: Geometry, length: Double, inside: Double, parts: [[Coordinate]], zone: Zone) throws -> Finding {
        var finding = Finding(zone: ZoneReference(zone), relation: .touches)
        if PolygonPieces.isWhole(inside, of: length) {
            finding.relation = .inside
            finding.overlapLength = length
            finding.overlapShare = 1
            finding.overlapGeometry = line
        } else if inside > 0 {
            finding.relation = .partlyInside
            finding.overlapLength = inside
            finding.overlapShare = inside / length
            finding.overlapGeometry = try Geometry(.multiLineString(parts))
        } else {
            finding.overlapLength = 0
            finding.overlapShare = 0
            finding.overlapGeometry = try line.intersection(zone.geometry)
        }
        return finding
    }

    /// Per kind: the overlap with all its zones dissolved (a classic error is to add overlapping zones' overlaps),
    /// with the dissolved geometry as interior-disjoint parts (none when it is the whole footprint).
    func dissolvedOverlaps(_ findings: [Finding], area: Area?, length: Double?) throws -> [(KindOverlap, [Geometry])] {
        var result: [(KindOverlap, [Geometry])] = []
        for kind in ZoneKind.allCases {
            let met = findings.filter { $0.zone.kind == kind && ($0.relation == .inside || $0.relation == .partlyInside) }
            guard !met.isEmpty else { continue }
            var entry = KindOverlap(kind: kind, zones: Set(met.map(\.zone.id)).count)
            let (value, parts) = try dissolved(met, area: area, length: length)
            if let area {
                entry.overlapArea = Area(squareMetres: min(value, area.squareMetres))
                entry.overlapShare = area.squareMetres > 0 ? min(1, value / area.squareMetres) : nil
            } else if let length {
                entry.overlapLength = min(value, length)
                entry.overlapShare = length > 0 ? min(1, value / length) : nil
            }
            result.append((entry, parts))
        }
        return result
    }

    /// The measure (area for polygonal footprints, length for lines) of the union of some findings' overlaps, with the
    /// union as interior-disjoint parts. No union is made when one finding covers the whole footprint, when there is
    /// only one finding, or when the overlaps are proven not to overlap (polygons cut by adjacent control units share
    /// their cut edges vertex for vertex; a road cut at a boundary meets itself only at the cut): then they add up.
    func dissolved(_ findings: [Finding], area: Area?, length: Double?) throws -> (Double, [Geometry]) {
        if findings.contains(where: { $0.relation == .inside }) { return (area?.squareMetres ?? length ?? 0, []) }
        let parts = findings.compactMap(\.overlapGeometry)
        if findings.count == 1 { return (findings[0].overlapArea?.squareMetres ?? findings[0].overlapLength ?? 0, parts) }
        let measures = findings.map { area != nil ? ($0.overlapArea?.squareMetres ?? 0) : ($0.overlapLength ?? 0) }
        return try Geometry.dissolvedMeasure(of: parts, measures: parts.count == findings.count ? measures : nil, areal: area != nil)
    }
}
