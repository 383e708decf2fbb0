import Geo

/// Checks a data folder before use (`redline zones check`): everything the reader found, plus the
/// checks that need the zones together — overlaps inside layers that must not overlap, gaps and
/// overlaps in the control-unit tiling, zones outside the declared region.
public enum DatasetCheck {
    /// Overlaps and gaps smaller than this (m²) are numerical noise, not problems.
    public static let areaTolerance = 1.0

    /// All problems of a reading, errors first within each file.
    public static func run(_ reading: DatasetReading) throws -> [DataProblem] {
        var problems = reading.problems
        let dataset = reading.dataset
        problems += try outsideRegion(dataset)
        problems += try overlaps(dataset)
        problems += try tiling(dataset)
        return problems
    }

    /// Zones whose envelope leaves the catalog's region box, or that meet no district.
    static func outsideRegion(_ dataset: Dataset) throws -> [DataProblem] {
        var problems: [DataProblem] = []
        let districts = dataset.zones.filter { $0.kind == .adminDistrict }
        let districtIndex = try SpatialIndex(geometries: districts.map(\.geometry))
        for zone in dataset.zones where zone.kind != .adminDistrict {
            guard let envelope = zone.geometry.envelope else { continue }
            if let box = dataset.regionBox {
                // A margin of 0.01° (about 1 km) absorbs generalised district edges.
                let margin = 0.01
                if !box.expanded(by: margin).contains(envelope) {
                    problems.append(
                        DataProblem(
                            .error, "outside-region", file: zone.layerFile, featureIndex: zone.featureIndex, zoneID: zone.id,
                            message: "the zone reaches outside the region the catalog declares (\(box)); is it in the wrong place or the wrong CRS?",
                            location: try zone.geometry.pointOnSurface().pointCoordinate))
                    continue
                }
            }
            if !districts.isEmpty {
                let candidates = try districtIndex.query(intersecting: zone.geometry)
                if try !candidates.contains(where: { try districts[$0].geometry.intersects(zone.geometry) }) {
                    problems.append(
                        DataProblem(
                            .warning, "outside-districts", file: zone.layerFile, featureIndex: zone.featureIndex, zoneID: zone.id,
                            message: "the zone meets none of the dataset's districts", location: try zone.geometry.pointOnSurface().pointCoordinate))
                }
            }
        }
        return problems
    }

    /// Pairs of zones of one kind that overlap: errors for control units and districts (they must not), warnings for
    /// two zones of the same kind and level elsewhere (overlapping delineations are usually a data slip).
    static func overlaps(_ dataset: Dataset) throws -> [DataProblem] {
        var problems: [DataProblem] = []
        for kind in ZoneKind.allCases {
            let zones = dataset.zones.filter { $0.kind == kind }
            guard zones.count > 1 else { continue }
            let mustNotOverlap = kind == .controlUnit || kind == .adminDistrict
            let contacts = try interiorContacts(zones.map(\.geometry)) { i, j in mustNotOverlap || zones[i].rawLevel == zones[j].rawLevel }
            let found = try parallelMap(zones.count) { i -> [DataProblem] in
                var local: [DataProblem] = []
                for j in contacts[i] {
                    let shared = try zones[i].geometry.intersection(zones[j].geometry).extracting(dimension: 2)
                    let area = try shared.geodesicArea()
                    guard area > areaTolerance else { continue }
                    let message =
                        "overlaps \(zones[j].id) (\(zones[j].layerFile) feature \(zones[j].featureIndex)) by \(String(format: "%.1f", area)) m²"
                        + (mustNotOverlap ? "; \(kind.rawValue) zones must not overlap" : " (same kind and level; counted once in dissolved areas)")
                    local.append(
                        DataProblem(
                            mustNotOverlap ? .error : .warning, "overlap", file: zones[i].layerFile, featureIndex: zones[i].featureIndex,
                            zoneID: zones[i].id, message: message, location: try shared.pointOnSurface().pointCoordinate))
                }
                return local
            }
            problems += found.flatMap { $0 }
        }
        return problems
    }

    /// For each polygon, the later ones (higher index) whose interiors meet its interior: their envelopes meet and they
    /// intersect without merely touching. `include` narrows the pairs looked at. Shared by the check and `--fix`.
    static func interiorContacts(_ geometries: [Geometry], include: @Sendable (Int, Int) -> Bool = { _, _ in true }) throws -> [[Int]] {
        guard geometries.count > 1 else { return geometries.map { _ in [] } }
        let index = try SpatialIndex(geometries: geometries)
        return try parallelMap(geometries.count) { i -> [Int] in
            let prepared = try PreparedGeometry(geometries[i])
            var later: [Int] = []
            for j in try index.query(intersecting: geometries[i]) where j > i && include(i, j) {
                if try prepared.intersects(geometries[j]), try !prepared.touches(geometries[j]) { later.append(j) }
            }
            return later.sorted()
        }
    }

    /// Control units must tile each district: no gap inside a district and nothing outside the districts.
    static func tiling(_ dataset: Dataset) throws -> [DataProblem] {
        let units = dataset.zones.filter { $0.kind == .controlUnit }
        let districts = dataset.zones.filter { $0.kind == .adminDistrict }
        guard !units.isEmpty else { return [] }
        guard !districts.isEmpty else {
            return [
                DataProblem(
                    .warning, "tiling-unchecked", file: units[0].layerFile,
                    message: "no district layer: cannot check that the control units tile the region")
            ]
        }
        let unitUnion = try Geometry.unaryUnion(of: units.map(\.geometry))
        let found = try parallelMap(districts.count) { index -> [DataProblem] in
            let district = districts[index]
            let gaps = try district.geometry.difference(unitUnion).extracting(dimension: 2)
            return try gaps.members().compactMap { gap -> DataProblem? in
                let area = try gap.geodesicArea()
                guard area > areaTolerance else { return nil }
                return DataProblem(
                    .error, "gap", file: units[0].layerFile,
                    message:
                        "a gap of \(String(format: "%.1f", area)) m² in the control units inside \(district.name) (\(district.id)); every point of a district must be in exactly one unit",
                    location: try gap.pointOnSurface().pointCoordinate)
            }
        }
        var problems = found.flatMap { $0 }
        let outside = try unitUnion.difference(Geometry.unaryUnion(of: districts.map(\.geometry))).extracting(dimension: 2)
        for piece in try outside.members() {
            let area = try piece.geodesicArea()
            guard area > areaTolerance else { continue }
            problems.append(
                DataProblem(
                    .error, "beyond-districts", file: units[0].layerFile,
                    message: "control units cover \(String(format: "%.1f", area)) m² outside every district",
                    location: try piece.pointOnSurface().pointCoordinate))
        }
        return problems
    }
}
