import Foundation
import Geo
import Synchronization

/// Screens project footprints against a dataset's zones with a ruleset.
///
/// For each project it finds every zone the footprint meets (through an STRtree over the zones and
/// prepared predicates), measures the overlap geodesically, applies the rule of the project's
/// category, flags zones within the ruleset's proximity distances, and combines everything into a
/// verdict: the strictest outcome, with the union of the approvals needed.
public final class Screener: Sendable {
    public let dataset: Dataset
    public let ruleset: Ruleset
    private let index: SpatialIndex
    private let districtIndices: [Int]
    /// Zones projected into a local plane, made on first use and kept: per plane, per zone index.
    private let projectedZones = Mutex<[String: [Int: Geometry]]>([:])
    /// How far nearest zones are reported (bench semantics: 5 km).
    public static let nearestRadius = 5000.0

    /// A screener over a dataset's zones.
    public init(dataset: Dataset, ruleset: Ruleset) throws {
        self.dataset = dataset
        self.ruleset = ruleset
        index = try SpatialIndex(geometries: dataset.zones.map(\.geometry))
        districtIndices = dataset.zones.indices.filter { dataset.zones[$0].kind == .adminDistrict }
    }

    /// Screens one project.
    ///
    /// - Throws: `ScreeningError.unknownCategory` for a category the ruleset lacks, `ScreeningError.footprint` when the
    ///   footprint lies wholly outside the dataset's districts, and Geo errors from GEOS or PROJ.
    public func screen(_ project: Project) throws -> ScreeningResult {
        let category = try ruleset.category(project.category)
        let footprint = project.footprint
        let kind = footprint.kind
        let isLinear = project.attributes.linear ?? kind.isLineal
        let footprintArea = kind.isPolygonal ? Area(squareMetres: try footprint.geodesicArea()) : nil
        let footprintLength = kind.isLineal ? try footprint.geodesicLength() : nil
        var notes: [LocalizedText] = []

        let (districts, coverage) = try districtCoverage(footprint, area: footprintArea, length: footprintLength)
        if coverage <= 0 {
            throw ScreeningError.footprint(file: "", feature: project.id,
                message: "the footprint lies outside every district of the dataset \(dataset.name) (\(dataset.zones.filter { $0.kind == .adminDistrict }.map(\.name).joined(separator: ", "))): nothing here can screen it. Check the coordinates, or use a data folder that covers the site (--data).")
        }
        if coverage < 0.999_999 {
            notes.append(LocalizedText(
                zh: String(format: "占地只有 %.1f%% 位于本数据集覆盖的行政区内；区外部分未经筛查。", coverage * 100),
                en: String(format: "Only %.1f%% of the footprint lies inside the districts this dataset covers; the rest was not screened.", coverage * 100)))
        }

        let applicableProximity = ruleset.proximity.filter { $0.categories.contains("*") || $0.categories.contains(category.code) }
        let radius = max(Screener.nearestRadius, applicableProximity.map(\.distance).max() ?? 0)
        let plane = try LocalPlane(around: [footprint])
        let projectedFootprint = try plane.forward.transform(footprint)

        var findings: [Finding] = []
        var missed: [(zone: Int, distance: Double)] = []
        let prepared = try PreparedGeometry(footprint)
        for zoneIndex in try index.query(searchEnvelope(footprint, metres: radius)) {
            let zone = dataset.zones[zoneIndex]
            guard zone.kind.carriesRules else { continue }
            if try prepared.intersects(zone.geometry) {
                var finding = try overlap(of: footprint, with: zone, area: footprintArea, length: footprintLength)
                finding.rule = ruleset.rule(for: category.code, in: zone, attributes: project.attributes, isLinear: isLinear)
                findings.append(finding)
            } else {
                let distance = try projectedZone(zoneIndex, in: plane).planarDistance(to: projectedFootprint)
                if distance <= radius { missed.append((zoneIndex, distance)) }
            }
        }

        let metKinds = Set(findings.map(\.zone.kind))
        for (zoneIndex, distance) in missed {
            let zone = dataset.zones[zoneIndex]
            for rule in applicableProximity where distance <= rule.distance && rule.applies(to: category.code, kind: zone.kind, level: zone.level.code) {
                findings.append(Finding(zone: ZoneReference(zone), relation: .nearby, distance: distance, proximity: rule))
            }
        }
        var nearest: [NearestZone] = []
        for zoneKind in ZoneKind.allCases where zoneKind.carriesRules && !metKinds.contains(zoneKind) {
            let candidates = missed.filter { dataset.zones[$0.zone].kind == zoneKind && $0.distance <= Screener.nearestRadius }
            if let best = candidates.min(by: { ($0.distance, dataset.zones[$0.zone].id) < ($1.distance, dataset.zones[$1.zone].id) }) {
                nearest.append(NearestZone(kind: zoneKind, zone: ZoneReference(dataset.zones[best.zone]), distance: best.distance))
            }
        }

        findings.sort(by: Screener.reportOrder)
        let kindOverlaps = try dissolvedOverlaps(findings, area: footprintArea, length: footprintLength)
        let verdict = findings.map { Verdict($0.effectiveOutcome) }.max() ?? .clear
        let approvalCodes = Set(findings.filter { $0.effectiveOutcome == .restricted }.flatMap { $0.rule?.approvals ?? [] })
        let approvals = approvalCodes.sorted().map { ruleset.approvals[$0] ?? Approval(code: $0, text: LocalizedText(zh: $0, en: $0), bases: []) }
        var basisIDs = Set(findings.filter { $0.relation != .nearby }.flatMap { $0.rule?.bases ?? [] })
        basisIDs.formUnion(findings.flatMap { $0.proximity?.bases ?? [] })
        basisIDs.formUnion(approvals.flatMap(\.bases))
        let bases = basisIDs.sorted().map { id in
            ruleset.bases[id] ?? LegalBasis(id: id, instrument: id, instrumentEnglish: id, article: "", articleEnglish: "", edition: "",
                                            inForceFrom: nil, status: "in_force", supersededBy: nil, verification: "U", source: "zone access list")
        }
        var seen = Set<LocalizedText>()
        for assumption in findings.flatMap({ $0.rule?.assumptions ?? [] }) where seen.insert(assumption).inserted {
            notes.append(assumption)
        }
        let protective = findings.filter { AreaReport.protectiveKinds.contains($0.zone.kind) && ($0.relation == .inside || $0.relation == .partlyInside) }
        let protectedUnion = protective.isEmpty ? nil : try Geometry.unaryUnion(of: protective.compactMap(\.overlapGeometry))
        return ScreeningResult(project: project, category: category, isLinear: isLinear, footprintArea: footprintArea,
                               footprintLength: footprintLength, districts: districts, findings: findings,
                               kindOverlaps: kindOverlaps, nearest: nearest, verdict: verdict, approvals: approvals,
                               bases: bases, notes: notes, coverage: coverage,
                               protectedOverlapArea: try footprintArea.map { area in
                                   Area(squareMetres: min(area.squareMetres, try protectedUnion?.geodesicArea() ?? 0)) },
                               protectedOverlapLength: try footprintLength.map { length in min(length, try protectedUnion?.geodesicLength() ?? 0) })
    }

    /// A zone in `plane`, projected once and shared by every later screening (batch work reuses it across threads).
    private func projectedZone(_ index: Int, in plane: LocalPlane) throws -> Geometry {
        if let cached = projectedZones.withLock({ $0[plane.crs.definition]?[index] }) { return cached }
        let projected = try plane.forward.transform(dataset.zones[index].geometry)
        projectedZones.withLock { $0[plane.crs.definition, default: [:]][index] = projected }
        return projected
    }

    /// Findings first by how the footprint meets the zone, then strictest first, then kind, level and id.
    static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        func group(_ f: Finding) -> Int { f.relation == .nearby ? 1 : 0 }
        if group(a) != group(b) { return group(a) < group(b) }
        if a.effectiveOutcome != b.effectiveOutcome { return a.effectiveOutcome > b.effectiveOutcome }
        if a.zone.kind != b.zone.kind { return a.zone.kind < b.zone.kind }
        let levels = a.zone.kind.levels.map(\.code)
        let la = levels.firstIndex(of: a.zone.level.code) ?? 0, lb = levels.firstIndex(of: b.zone.level.code) ?? 0
        if la != lb { return la < lb }
        if a.zone.id != b.zone.id { return a.zone.id < b.zone.id }
        return (a.proximity?.id ?? "") < (b.proximity?.id ?? "")
    }

    /// The footprint's envelope grown by `metres` (in degrees, generously, so no zone within that distance is missed).
    private func searchEnvelope(_ footprint: Geometry, metres: Double) throws -> Envelope {
        guard let e = footprint.envelope else { throw GeoError.invalidArgument("empty footprint") }
        let maxLatitude = min(89.0, max(abs(e.minY), abs(e.maxY)))
        let dLat = metres / 110_000 * 1.05
        let dLon = metres / (111_320 * cos(maxLatitude * .pi / 180)) * 1.05
        return Envelope(minX: e.minX - dLon, minY: e.minY - dLat, maxX: e.maxX + dLon, maxY: e.maxY + dLat)
    }

    /// How the footprint meets a zone it intersects, with the overlap measured.
    private func overlap(of footprint: Geometry, with zone: Zone, area: Area?, length: Double?) throws -> Finding {
        var finding = Finding(zone: ZoneReference(zone), relation: .touches)
        let kind = footprint.kind
        let zoneGeometry = zone.geometry
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

    /// Per kind, the overlap with all its zones dissolved (a classic error is to add overlapping zones' overlaps).
    private func dissolvedOverlaps(_ findings: [Finding], area: Area?, length: Double?) throws -> [KindOverlap] {
        var result: [KindOverlap] = []
        for kind in ZoneKind.allCases {
            let met = findings.filter { $0.zone.kind == kind && ($0.relation == .inside || $0.relation == .partlyInside) }
            guard !met.isEmpty else { continue }
            var entry = KindOverlap(kind: kind, zones: Set(met.map(\.zone.id)).count)
            let union = try Geometry.unaryUnion(of: met.compactMap(\.overlapGeometry))
            if let area {
                let value = try union.geodesicArea()
                entry.overlapArea = Area(squareMetres: min(value, area.squareMetres))
                entry.overlapShare = area.squareMetres > 0 ? min(1, value / area.squareMetres) : nil
            } else if let length {
                let value = try union.geodesicLength()
                entry.overlapLength = min(value, length)
                entry.overlapShare = length > 0 ? min(1, value / length) : nil
            }
            result.append(entry)
        }
        return result
    }

    /// The districts the footprint meets and the share of it they cover.
    private func districtCoverage(_ footprint: Geometry, area: Area?, length: Double?) throws -> ([String], Double) {
        guard !districtIndices.isEmpty else { return ([], 1) }
        var names: [String] = []
        var pieces: [Geometry] = []
        for i in try index.query(intersecting: footprint) where dataset.zones[i].kind == .adminDistrict {
            let district = dataset.zones[i]
            guard try district.geometry.intersects(footprint) else { continue }
            names.append(district.name)
            pieces.append(district.geometry)
        }
        guard !pieces.isEmpty else { return ([], 0) }
        let covered = try footprint.intersection(Geometry.unaryUnion(of: pieces))
        if let area, area.squareMetres > 0 { return (names, min(1, try covered.geodesicArea() / area.squareMetres)) }
        if let length, length > 0 { return (names, min(1, try covered.geodesicLength() / length)) }
        let points = try footprint.members()
        let inside = try points.filter { try covered.covers($0) }.count
        return (names, points.isEmpty ? 0 : Double(inside) / Double(points.count))
    }
}

extension Screener {
    /// Screens many projects on all cores; results come back in input order, whatever the number of threads,
    /// and a project that cannot be screened gives its error without stopping the others.
    public func screen(_ projects: [Project], workers: Int = defaultWorkerCount) -> [Result<ScreeningResult, ScreeningError>] {
        (try? parallelMap(projects.count, workers: workers) { index -> Result<ScreeningResult, ScreeningError> in
            Result { try self.screen(projects[index]) }.mapError { error in
                error as? ScreeningError ?? .footprint(file: "", feature: projects[index].id, message: "\(error)")
            }
        }) ?? []
    }
}
