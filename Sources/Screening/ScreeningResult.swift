import Geo

/// How a footprint meets a zone.
public enum Relation: String, Sendable, Hashable, CaseIterable {
    /// The whole footprint lies in the zone.
    case inside
    /// Part of the footprint lies in the zone.
    case partlyInside = "partly_inside"
    /// The footprint meets the zone only along its boundary (no overlap of area or length).
    case touches
    /// The footprint misses the zone but lies within a proximity distance of it.
    case nearby
}

/// The rule that applies to a finding, resolved from the matrix (and the zone's access list).
public struct AppliedRule: Sendable, Hashable {
    /// The matrix column, for example "D1".
    public var column: String
    public var outcome: Outcome
    /// Approval codes required, sorted.
    public var approvals: [String]
    public var explanation: LocalizedText
    /// Basis ids, as the ruleset lists them.
    public var bases: [String]
    /// Where the rule came from: "matrix" or "access_list".
    public var source: String
    /// Facts the screener had to assume (for example an unstated discharge), in both languages.
    public var assumptions: [LocalizedText]
}

/// One zone the footprint meets or comes near, with the numbers and the rule.
public struct Finding: Sendable {
    public var zone: ZoneReference
    public var relation: Relation
    /// Overlap area, for polygonal footprints.
    public var overlapArea: Area?
    /// Overlap length in metres, for linear footprints.
    public var overlapLength: Double?
    /// Share of the footprint's area (or length) in the zone, 0…1.
    public var overlapShare: Double?
    /// Number of points in the zone, for point footprints.
    public var pointsInside: Int?
    /// Distance in metres, for nearby zones.
    public var distance: Double?
    /// The matrix rule, for zones the footprint meets (nil for kinds without rules, such as districts).
    public var rule: AppliedRule?
    /// The proximity rule that flagged a nearby zone.
    public var proximity: ProximityRule?
    /// The part of the footprint inside the zone (lon/lat), for maps and GIS output.
    public var overlapGeometry: Geometry?

    /// What this finding contributes to the verdict (`Verdict.contribution`).
    public var effectiveOutcome: Outcome {
        Verdict.contribution(of: rule?.outcome ?? .noRule, relation: relation)
    }
}

/// Per kind: the footprint's overlap with all zones of that kind dissolved, so overlapping zones count once.
public struct KindOverlap: Sendable {
    public var kind: ZoneKind
    public var zones: Int
    public var overlapArea: Area?
    public var overlapLength: Double?
    public var overlapShare: Double?
}

/// The nearest zone of a kind the footprint does not meet, within 5 km.
public struct NearestZone: Sendable {
    public var kind: ZoneKind
    public var zone: ZoneReference
    /// Metres, in the footprint's local Gauss–Krüger plane.
    public var distance: Double
}

/// Everything screening found for one project.
public struct ScreeningResult: Sendable {
    public var project: Project
    public var category: ProjectCategory
    /// Whether the footprint was taken as linear for the rules.
    public var isLinear: Bool
    /// Footprint area (polygonal) or length (lineal, metres).
    public var footprintArea: Area?
    public var footprintLength: Double?
    /// Districts the footprint lies in (names), from the admin layer.
    public var districts: [String]
    /// Zones met (inside, partly inside, touches) and zones flagged nearby, in report order.
    public var findings: [Finding]
    public var kindOverlaps: [KindOverlap]
    public var nearest: [NearestZone]
    /// The strictest outcome over all findings.
    public var verdict: Verdict
    /// Approvals every restricted finding needs, united and sorted.
    public var approvals: [Approval]
    /// Every basis cited by a finding, and what replaced each superseded one, sorted by id.
    public var bases: [LegalBasis]
    /// The day the law was taken as of: bases are reported with their standing that day.
    public var asOf: CalendarDay
    /// Notes on what was assumed, repaired or could not be checked.
    public var notes: [LocalizedText]
    /// Share of the footprint that lies inside the dataset's districts (1 when fully covered).
    public var coverage: Double
    /// The footprint's overlap with all protective zones together (red line, reserves, scenic areas, parks,
    /// water sources, permanent eco areas), dissolved: area for polygonal footprints, length for lines.
    public var protectedOverlapArea: Area?
    public var protectedOverlapLength: Double?
}

extension Finding {
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
}
