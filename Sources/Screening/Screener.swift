import Foundation
import Geo
import Synchronization

/// Screens project footprints against a dataset's zones with a ruleset.
///
/// For each project it finds every zone the footprint meets (through an STRtree over small pieces of the
/// zones), measures the overlap geodesically against the whole zone, applies the rule of the project's
/// category, flags zones within the ruleset's proximity distances, and combines everything into a
/// verdict: the strictest outcome, with the union of the approvals needed. One screener serves any number
/// of threads.
public final class Screener: Sendable {
    public let dataset: Dataset
    public let ruleset: Ruleset
    /// An STRtree over the administrative districts only (item i is zone districtIndices[i]).
    private let districtIndex: SpatialIndex
    private let districtIndices: [Int]
    private let zoneIndex: ZoneIndex
    /// How far nearest zones are reported (bench semantics: 5 km).
    public static let nearestRadius = 5000.0

    /// A screener over a dataset's zones.
    public init(dataset: Dataset, ruleset: Ruleset) throws {
        self.dataset = dataset
        self.ruleset = ruleset
        districtIndices = dataset.zones.indices.filter { dataset.zones[$0].kind == .adminDistrict }
        districtIndex = try SpatialIndex(geometries: districtIndices.map { dataset.zones[$0].geometry })
        zoneIndex = try ZoneIndex(zones: dataset.zones)
    }

    /// Builds the distance index for the plane around `geometry` now rather than on the first screening
    /// (benchmarks time the stages separately).
    public func prepareDistances(near geometry: Geometry) throws {
        try zoneIndex.boundaries.prepare(near: geometry)
    }

    /// Screens one project.
    ///
    /// - Throws: `ScreeningError.unknownCategory` for a category the ruleset lacks, `ScreeningError.footprint` when the
    ///   footprint lies wholly outside the dataset's districts, and Geo errors from GEOS or PROJ.
    /// - Parameter day: the day the law is taken as of (a decision's date); bases are reported with their status
    ///   that day and clauses the ruleset dates apply only from their day.
    public func screen(_ project: Project, on day: CalendarDay = .today()) throws -> ScreeningResult {
        let category = try ruleset.category(project.category)
        let footprint = project.footprint
        let kind = footprint.kind
        let isLinear = project.attributes.linear ?? kind.isLineal
        let footprintArea = kind.isPolygonal ? Area(squareMetres: try footprint.geodesicArea()) : nil
        // Laid out once: flat linework for the piece tests and distances, and a line's measured runs.
        let laidOut = try LaidOutGeometry(footprint)
        let footprintLength = kind.isLineal ? laidOut.length : nil
        var notes: [LocalizedText] = []

        let (districts, coverage) = try districtCoverage(footprint, area: footprintArea, length: footprintLength)
        if coverage <= 0 {
            throw ScreeningError.footprint(
                file: "", feature: project.id,
                message:
                    "the footprint lies outside every district of the dataset \(dataset.name) (\(dataset.zones.filter { $0.kind == .adminDistrict }.map(\.name).joined(separator: ", "))): nothing here can screen it. Check the coordinates, or screen it against data that covers the site.",
                hint: .chooseData
            )
        }
        if districtIndices.isEmpty {
            notes.append(
                LocalizedText(
                    zh: "本数据集没有行政区图层：无法判断占地是否位于各图层覆盖的范围内，范围外的部分可能漏查。",
                    en:
                        "This dataset has no administrative-district layer: whether the footprint lies inside the area its layers cover is not checked, so parts outside it may be missed."
                ))
        }
        if coverage < 0.999_999 {
            notes.append(
                LocalizedText(
                    zh: String(format: "占地只有 %.1f%% 位于本数据集覆盖的行政区内；区外部分未经筛查。", coverage * 100),
                    en: String(format: "Only %.1f%% of the footprint lies inside the districts this dataset covers; the rest was not screened.", coverage * 100)
                ))
        }

        let applicableProximity = ruleset.proximity.filter { $0.categories.contains("*") || $0.categories.contains(category.code) }
        var findings: [Finding] = []
        var met = Set<Int>()
        if let envelope = footprint.envelope {
            for (zoneNumber, covered) in try zoneIndex.pieces.polygonsMeeting(laidOut) {
                let zone = dataset.zones[zoneNumber]
                met.insert(zoneNumber)
                var finding: Finding
                if covered {
                    finding = Finding(
                        zone: ZoneReference(zone), relation: .inside, overlapArea: footprintArea, overlapLength: footprintLength,
                        overlapShare: 1, overlapGeometry: footprint)
                } else if let length = footprintLength {
                    let (inside, parts) = try zoneIndex.pieces.lengthInside(of: laidOut, polygon: zoneNumber)
                    finding = try lineFinding(footprint, length: length, inside: inside, parts: parts, zone: zone)
                } else {
                    let clipped = try zoneIndex.pieces.clippedPolygon(zoneNumber, around: envelope) ?? zone.geometry
                    finding = try overlap(of: footprint, with: clipped, zone: zone, area: footprintArea, length: footprintLength)
                }
                finding.rule = ruleset.rule(for: category.code, in: zone, attributes: project.attributes, isLinear: isLinear, on: day)
                findings.append(finding)
            }
        }

        // Distances in the footprint's local Gauss–Krüger plane, against projected boundary chunks.
        let probe = try zoneIndex.boundaries.probe(laidOut)
        // One search per kind, out to the longest distance any applicable rule of that kind uses.
        var reach: [ZoneKind: Double] = [:]
        for rule in applicableProximity { for kind in rule.kinds { reach[kind] = max(reach[kind] ?? 0, rule.distance) } }
        for kind in ZoneKind.allCases {
            guard let distance = reach[kind] else { continue }
            let near = try zoneIndex.boundaries.within(distance, of: probe, group: ZoneIndex.group(kind), skipping: met).sorted { $0.key < $1.key }
            for rule in applicableProximity where rule.kinds.contains(kind) {
                for (zoneNumber, d) in near
                where d <= rule.distance && !met.contains(zoneNumber)
                    && rule.applies(to: category.code, kind: kind, level: dataset.zones[zoneNumber].level.code)
                {
                    findings.append(Finding(zone: ZoneReference(dataset.zones[zoneNumber]), relation: .nearby, distance: d, proximity: rule))
                }
            }
        }
        let metKinds = Set(met.map { dataset.zones[$0].kind })
        var nearest: [NearestZone] = []
        for zoneKind in ZoneKind.allCases where zoneKind.carriesRules && !metKinds.contains(zoneKind) {
            if let best = try zoneIndex.boundaries.nearest(group: ZoneIndex.group(zoneKind), to: probe, within: Screener.nearestRadius) {
                nearest.append(NearestZone(kind: zoneKind, zone: ZoneReference(dataset.zones[best.polygon]), distance: best.distance))
            }
        }

        findings.sort(by: Finding.reportOrder)
        let dissolvedByKind = try dissolvedOverlaps(findings, area: footprintArea, length: footprintLength)
        let kindOverlaps = dissolvedByKind.map(\.0)
        let verdict = Verdict(findings: findings)
        let approvalCodes = Verdict.approvalCodes(of: findings)
        let approvals = approvalCodes.sorted().map { ruleset.approvals[$0] ?? Approval(code: $0, text: LocalizedText(zh: $0, en: $0), bases: []) }
        var basisIDs = Set(findings.filter { $0.relation != .nearby }.flatMap { $0.rule?.bases ?? [] })
        basisIDs.formUnion(findings.flatMap { $0.proximity?.bases ?? [] })
        basisIDs.formUnion(approvals.flatMap(\.bases))
        // A superseded or repealed basis is listed with what replaced it, so the report names both.
        var pending = Array(basisIDs)
        while let id = pending.popLast() {
            if let successor = ruleset.bases[id]?.supersededBy, basisIDs.insert(successor).inserted { pending.append(successor) }
        }
        let bases = basisIDs.sorted().map { id in
            ruleset.bases[id] ?? LegalBasis.unlisted(id, assessedOn: ruleset.asOf)
        }
        notes += lawNotes(findings, on: day)
        var seen = Set<LocalizedText>()
        for assumption in findings.flatMap({ $0.rule?.assumptions ?? [] }) where seen.insert(assumption).inserted {
            notes.append(assumption)
        }
        // Protected overlap: the union of the protective kinds' dissolved overlaps (already unions of their zones).
        let protective = dissolvedByKind.filter { AreaReport.protectiveKinds.contains($0.0.kind) }
        let protectedMeasure: Double = try {
            let whole = footprintArea?.squareMetres ?? footprintLength ?? 0
            if protective.contains(where: { ($0.0.overlapShare ?? 0) >= 1 }) { return whole }
            if protective.count == 1 { return protective[0].0.overlapArea?.squareMetres ?? protective[0].0.overlapLength ?? 0 }
            if protective.isEmpty { return 0 }
            let parts = protective.flatMap(\.1)
            let union = try Geometry.unaryUnion(of: parts)
            return footprintArea != nil ? try union.geodesicArea() : try union.geodesicLength()
        }()
        return ScreeningResult(
            project: project, category: category, isLinear: isLinear, footprintArea: footprintArea,
            footprintLength: footprintLength, districts: districts, findings: findings,
            kindOverlaps: kindOverlaps, nearest: nearest, verdict: verdict, approvals: approvals,
            bases: bases, asOf: day, notes: notes, coverage: coverage,
            protectedOverlapArea: footprintArea.map { Area(squareMetres: min($0.squareMetres, protectedMeasure)) },
            protectedOverlapLength: footprintLength.map { min($0, protectedMeasure) })
    }

    /// The districts the footprint meets and the share of it they cover.
    private func districtCoverage(_ footprint: Geometry, area: Area?, length: Double?) throws -> ([String], Double) {
        guard !districtIndices.isEmpty else { return ([], 1) }
        var names: [String] = []
        var pieces: [Geometry] = []
        for item in try districtIndex.query(intersecting: footprint) {
            let district = dataset.zones[districtIndices[item]]
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
    public func screen(_ projects: [Project], on day: CalendarDay = .today(), workers: Int = defaultWorkerCount) -> [Result<ScreeningResult, ScreeningError>] {
        do {
            return try parallelMap(projects.count, workers: workers) { index -> Result<ScreeningResult, ScreeningError> in
                Result { try self.screen(projects[index], on: day) }.mapError { error in
                    error as? ScreeningError ?? .footprint(file: "", feature: projects[index].id, message: "\(error)")
                }
            }
        } catch {
            // parallelMap fails only when a worker lost a result; then every project says so instead of vanishing.
            return projects.map { .failure(.footprint(file: "", feature: $0.id, message: "not screened: \(error)")) }
        }
    }
}
