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
        _ = try zoneIndex.chunks(in: LocalPlane(around: [geometry]))
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
        // Lines are measured in runs of 32 segments, so that runs wholly inside or outside a zone need no overlay.
        // Each run is read out of GEOS and laid out as flat linework once, not again for every zone the line meets.
        let lineChunks = try (kind.isLineal ? footprint.boundaryChunks(maxSegments: 32) : []).compactMap { chunk -> LineChunk? in
            guard case let .lineString(coordinates) = chunk.shape else { return nil }
            return LineChunk(geometry: chunk, coordinates: coordinates, length: try Geodesic.cgcs2000.length(of: coordinates),
                             flat: PlanarLinework(boundaryOf: .lineString(coordinates), maxSegments: 8))
        }
        let footprintLength = kind.isLineal ? lineChunks.reduce(0) { $0 + ($1.length ?? 0) } : nil
        var notes: [LocalizedText] = []

        let (districts, coverage) = try districtCoverage(footprint, area: footprintArea, length: footprintLength)
        if coverage <= 0 {
            throw ScreeningError.footprint(file: "", feature: project.id,
                message: "the footprint lies outside every district of the dataset \(dataset.name) (\(dataset.zones.filter { $0.kind == .adminDistrict }.map(\.name).joined(separator: ", "))): nothing here can screen it. Check the coordinates, or use a data folder that covers the site (--data).")
        }
        if districtIndices.isEmpty {
            notes.append(LocalizedText(
                zh: "本数据集没有行政区图层：无法判断占地是否位于各图层覆盖的范围内，范围外的部分可能漏查。",
                en: "This dataset has no administrative-district layer: whether the footprint lies inside the area its layers cover is not checked, so parts outside it may be missed."))
        }
        if coverage < 0.999_999 {
            notes.append(LocalizedText(
                zh: String(format: "占地只有 %.1f%% 位于本数据集覆盖的行政区内；区外部分未经筛查。", coverage * 100),
                en: String(format: "Only %.1f%% of the footprint lies inside the districts this dataset covers; the rest was not screened.", coverage * 100)))
        }

        let flatFootprint = PlanarLinework(boundaryOf: footprint.shape, maxSegments: 8)
        let applicableProximity = ruleset.proximity.filter { $0.categories.contains("*") || $0.categories.contains(category.code) }
        var findings: [Finding] = []
        var met = Set<Int>()
        let margin = 1e-6 // degrees: keeps the clip rectangle's edges off the footprint
        if let e = footprint.envelope {
            let window = Envelope(minX: e.minX - margin, minY: e.minY - margin, maxX: e.maxX + margin, maxY: e.maxY + margin)
            for (zoneNumber, covered) in try zoneIndex.zonesMeeting(footprint, linework: flatFootprint) {
                let zone = dataset.zones[zoneNumber]
                met.insert(zoneNumber)
                var finding: Finding
                if covered {
                    finding = Finding(zone: ZoneReference(zone), relation: .inside, overlapArea: footprintArea, overlapLength: footprintLength,
                                      overlapShare: 1, overlapGeometry: footprint)
                } else if let length = footprintLength {
                    finding = try lineOverlap(footprint, chunks: lineChunks, length: length, zone: zoneNumber, margin: margin)
                } else {
                    let clipped = try (zoneIndex.clipSource(zone: zoneNumber, window: window) ?? zone.geometry).clipped(to: window)
                    finding = try overlap(of: footprint, with: clipped, zone: zone, area: footprintArea, length: footprintLength)
                }
                finding.rule = ruleset.rule(for: category.code, in: zone, attributes: project.attributes, isLinear: isLinear, on: day)
                findings.append(finding)
            }
        }

        // Distances in the footprint's local Gauss–Krüger plane, against projected boundary chunks.
        let plane = try LocalPlane(around: [footprint])
        let projectedFootprint = try flatFootprint.transformed(by: plane.forward)
        let chunks = try zoneIndex.chunks(in: plane)
        // One search per kind, out to the longest distance any applicable rule of that kind uses.
        var reach: [ZoneKind: Double] = [:]
        for rule in applicableProximity { for kind in rule.kinds { reach[kind] = max(reach[kind] ?? 0, rule.distance) } }
        for kind in ZoneKind.allCases {
            guard let distance = reach[kind] else { continue }
            let near = try zoneIndex.within(distance, of: projectedFootprint, kind: kind, in: chunks, skipping: met).sorted { $0.key < $1.key }
            for rule in applicableProximity where rule.kinds.contains(kind) {
                for (zoneNumber, d) in near where d <= rule.distance && !met.contains(zoneNumber)
                    && rule.applies(to: category.code, kind: kind, level: dataset.zones[zoneNumber].level.code) {
                    findings.append(Finding(zone: ZoneReference(dataset.zones[zoneNumber]), relation: .nearby, distance: d, proximity: rule))
                }
            }
        }
        let metKinds = Set(met.map { dataset.zones[$0].kind })
        var nearest: [NearestZone] = []
        for zoneKind in ZoneKind.allCases where zoneKind.carriesRules && !metKinds.contains(zoneKind) {
            if let best = try zoneIndex.nearest(zoneKind, to: projectedFootprint, within: Screener.nearestRadius, in: chunks) {
                nearest.append(NearestZone(kind: zoneKind, zone: ZoneReference(dataset.zones[best.zone]), distance: best.distance))
            }
        }

        findings.sort(by: Screener.reportOrder)
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
        return ScreeningResult(project: project, category: category, isLinear: isLinear, footprintArea: footprintArea,
                               footprintLength: footprintLength, districts: districts, findings: findings,
                               kindOverlaps: kindOverlaps, nearest: nearest, verdict: verdict, approvals: approvals,
                               bases: bases, asOf: day, notes: notes, coverage: coverage,
                               protectedOverlapArea: footprintArea.map { Area(squareMetres: min($0.squareMetres, protectedMeasure)) },
                               protectedOverlapLength: footprintLength.map { min($0, protectedMeasure) })
    }

    /// A line's overlap with a zone, chunk by chunk: a run of 32 segments wholly inside or outside the zone (judged on
    /// the zone's pieces) counts whole or not at all; one that crosses the boundary is cut at the boundary on the flat
    /// piece linework, or, where that is too close to call, intersected by GEOS with the zone clipped to the run's own
    /// small window (judged again in runs of 4 segments when only a cell of over 1,024 vertices holds that window). Runs are split at the line's own vertices, so the lengths add up exactly.
    /// A run of a line footprint: the GEOS line, its coordinates, geodesic length and flat linework.
    struct LineChunk {
        var geometry: Geometry
        var coordinates: [Coordinate]
        var length: Double?
        var flat: PlanarLinework
    }

    private func lineOverlap(_ line: Geometry, chunks: [LineChunk], length: Double, zone zoneNumber: Int,
                             margin: Double) throws -> Finding {
        let zone = dataset.zones[zoneNumber]
        var inside = 0.0
        var parts: [[Coordinate]] = []
        let z = zone.geometry.envelope
        func measure(_ chunk: LineChunk, splitting: Bool) throws {
            // Runs are single lines, cut from the footprint at its own vertices.
            let run = chunk.geometry, coordinates = chunk.coordinates, knownLength = chunk.length
            guard let e = run.envelope, let z, e.intersects(z) else { return }
            switch try zoneIndex.placement(of: run, linework: chunk.flat, zone: zoneNumber) {
            case .outside:
                return
            case .inside:
                inside += try knownLength ?? Geodesic.cgcs2000.length(of: coordinates)
                parts.append(coordinates)
            case .crossing:
                if let stretches = try zoneIndex.insideStretches(of: coordinates, zone: zoneNumber) {
                    for stretch in stretches { inside += try Geodesic.cgcs2000.length(of: stretch) }
                    parts += stretches
                    return
                }
                let window = Envelope(minX: e.minX - margin, minY: e.minY - margin, maxX: e.maxX + margin, maxY: e.maxY + margin)
                guard let source = try zoneIndex.clipSource(zone: zoneNumber, window: window) else { return }
                if splitting, source.numberOfPoints > 4 * ZoneIndex.pieceVertices, coordinates.count > 5 {
                    var start = 0
                    while start < coordinates.count - 1 {
                        let end = min(start + 4, coordinates.count - 1)
                        let piece = Array(coordinates[start...end])
                        try measure(LineChunk(geometry: Geometry(.lineString(piece)), coordinates: piece, length: nil,
                                              flat: PlanarLinework(boundaryOf: .lineString(piece), maxSegments: 8)), splitting: false)
                        start = end
                    }
                    return
                }
                let part = try run.intersection(source.clipped(to: window)).extracting(dimension: 1)
                guard !part.isEmpty else { return }
                inside += try part.geodesicLength()
                switch part.shape {
                case let .multiLineString(lines): parts += lines
                case let .lineString(single): parts.append(single)
                default: break
                }
            }
        }
        for chunk in chunks { try measure(chunk, splitting: true) }
        var finding = Finding(zone: ZoneReference(zone), relation: .touches)
        if inside >= length * (1 - 1e-12) {
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

    /// How the footprint meets a zone it intersects, with the overlap measured.
    /// `zoneGeometry` is the zone, or the zone clipped to a rectangle around the footprint (the same inside it).
    private func overlap(of footprint: Geometry, with zoneGeometry: Geometry, zone: Zone, area: Area?, length: Double?) throws -> Finding {
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

    /// Per kind: the overlap with all its zones dissolved (a classic error is to add overlapping zones' overlaps),
    /// with the dissolved geometry as interior-disjoint parts (none when it is the whole footprint).
    private func dissolvedOverlaps(_ findings: [Finding], area: Area?, length: Double?) throws -> [(KindOverlap, [Geometry])] {
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
    private func dissolved(_ findings: [Finding], area: Area?, length: Double?) throws -> (Double, [Geometry]) {
        if findings.contains(where: { $0.relation == .inside }) { return (area?.squareMetres ?? length ?? 0, []) }
        let parts = findings.compactMap(\.overlapGeometry)
        if findings.count == 1 { return (findings[0].overlapArea?.squareMetres ?? findings[0].overlapLength ?? 0, parts) }
        if area != nil, parts.count == findings.count, try PlanarCoverage.provenDisjoint(parts) {
            return (findings.reduce(0) { $0 + ($1.overlapArea?.squareMetres ?? 0) }, parts)
        }
        if length != nil, parts.count == findings.count, PlanarCoverage.linesDisjoint(parts.map(\.shape)) {
            return (findings.reduce(0) { $0 + ($1.overlapLength ?? 0) }, parts)
        }
        let union = try Geometry.unaryUnion(of: parts)
        return (area != nil ? try union.geodesicArea() : try union.geodesicLength(), [union])
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
        (try? parallelMap(projects.count, workers: workers) { index -> Result<ScreeningResult, ScreeningError> in
            Result { try self.screen(projects[index], on: day) }.mapError { error in
                error as? ScreeningError ?? .footprint(file: "", feature: projects[index].id, message: "\(error)")
            }
        }) ?? []
    }
}

extension Screener {
    /// Notes on the day the law is taken as of: how it relates to the ruleset's own as-of date, and every rule
    /// none of whose bases was in force that day.
    func lawNotes(_ findings: [Finding], on day: CalendarDay) -> [LocalizedText] {
        var notes: [LocalizedText] = []
        if day < ruleset.asOf {
            notes.append(LocalizedText(
                zh: "按 \(day) 的法律状态筛查：各依据按当日的效力列出，规则集注明起始日期的条款按当日适用；其余结论为规则集 \(ruleset.version)（\(ruleset.asOf) 评估）的结论。",
                en: "Screened as of \(day): each basis is shown with its standing that day and clauses the ruleset dates apply as they did then; the rest of the matrix is ruleset \(ruleset.version) as assessed on \(ruleset.asOf)."))
        } else if day > ruleset.asOf {
            notes.append(LocalizedText(
                zh: "规则集 \(ruleset.version) 的法律状态评估于 \(ruleset.asOf)；此后的法律变化未反映在本报告中。",
                en: "Ruleset \(ruleset.version) assessed the law on \(ruleset.asOf); changes after that day are not reflected in this report."))
        }
        for finding in findings where finding.relation != .nearby {
            guard let rule = finding.rule, rule.outcome > .allowed, !rule.bases.isEmpty,
                  !rule.bases.contains(where: { ruleset.bases[$0].map { $0.standing(on: day).isInForce } ?? true }) else { continue }
            notes.append(LocalizedText(
                zh: "\(finding.zone.name)（\(rule.column)）：该规则所引依据在 \(day) 均不处于施行状态，结论仅供参考，须核对当日适用的规定。",
                en: "\(finding.zone.name) (\(rule.column)): none of this rule's bases was in force on \(day); treat the outcome as indicative and check the provisions that applied that day."))
        }
        return notes
    }
}
