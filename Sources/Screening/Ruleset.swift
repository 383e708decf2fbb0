import Geo

/// A named approval or demonstration that a restricted outcome requires.
public struct Approval: Sendable, Hashable {
    /// The code, for example "RL6".
    public var code: String
    /// What it requires.
    public var text: LocalizedText
    /// The bases it rests on.
    public var bases: [String]
}

/// A project category of the rule matrix (DOMAIN.md §7).
public struct ProjectCategory: Sendable, Hashable {
    /// The code, for example "LV".
    public var code: String
    /// The category's name.
    public var name: LocalizedText
    /// Other names submissions use for it, for example "livestock_farm".
    public var aliases: [String] = []
}

/// A column of the rule matrix: which zone kinds and levels it covers.
public struct RuleColumn: Sendable, Hashable {
    /// The code, for example "D1".
    public var code: String
    /// The zone kinds it covers.
    public var kinds: [ZoneKind]
    /// The level codes it covers; ["*"] for all.
    public var levels: [String]
    /// Its name.
    public var name: LocalizedText

    func covers(kind: ZoneKind, level: String) -> Bool {
        kinds.contains(kind) && (levels.contains("*") || levels.contains(level))
    }
}

/// When a clause applies: every stated condition must hold.
public struct RuleCondition: Sendable, Hashable {
    public var actions: [ProjectAction]?
    public var dischargesToWater: Bool?
    public var linear: Bool?
    public var crossings: [Crossing]?
    public var nationalMajorProject: Bool?
    public var zoneLevels: [String]?
    /// The clause applies to screenings as of this day or later (a change in the law the ruleset dates).
    public var onOrAfter: CalendarDay?

    /// Whether the condition holds for resolved attributes in a zone of `level`, screened as of `day`.
    func holds(
        action: ProjectAction, discharges: Bool, linear isLinear: Bool, crossing: Crossing, major: Bool, level: String,
        day: CalendarDay
    ) -> Bool {
        if let onOrAfter, day < onOrAfter { return false }
        if let actions, !actions.contains(action) { return false }
        if let dischargesToWater, dischargesToWater != discharges { return false }
        if let linear, linear != isLinear { return false }
        if let crossings, !(isLinear && crossings.contains(crossing)) { return false }
        if let nationalMajorProject, nationalMajorProject != major { return false }
        if let zoneLevels, !zoneLevels.contains(level) { return false }
        return true
    }
}

/// One clause of a cell: a condition (none for the last) and what follows.
public struct RuleClause: Sendable, Hashable {
    public var condition: RuleCondition?
    public var outcome: Outcome
    public var approvals: [String]
    public var explanation: LocalizedText
    public var bases: [String]
}

/// A distance from a zone within which a category is flagged (DOMAIN.md §8).
public struct ProximityRule: Sendable, Hashable {
    public var id: String
    public var kinds: [ZoneKind]
    public var levels: [String]
    /// The distance from the zone boundary, in metres.
    public var distance: Double
    /// Category codes, or ["*"] for all.
    public var categories: [String]
    /// statutory, recommended_standard, heuristic or advisory.
    public var nature: String
    public var explanation: LocalizedText
    public var bases: [String]

    func applies(to category: String, kind: ZoneKind, level: String) -> Bool {
        (categories.contains("*") || categories.contains(category)) && kinds.contains(kind)
            && (levels.contains("*") || levels.contains(level))
    }
}

/// The rule matrix (category × zone kind and level → outcome) with its legal bases, read from a data file.
public struct Ruleset: Sendable {
    public var version: String
    /// The day the legal status of every basis was assessed.
    public var asOf: CalendarDay
    public var title: LocalizedText
    public var bases: [String: LegalBasis]
    public var approvals: [String: Approval]
    /// Read-only outside Screening: `categoryLookup` is built from it.
    public internal(set) var categories: [ProjectCategory]
    public var columns: [RuleColumn]
    /// cells[category][column]
    var cells: [String: [String: [RuleClause]]]
    public var proximity: [ProximityRule]
    /// Overlays and buffers of the regime that this ruleset cannot check (no layer for them), to list as "not checked".
    public var notExpressed: [String]
    /// SHA-256 of the file it was read from.
    public var sha256: String
    /// Code or alias (also lower-cased) → category, built by the loader: submissions name a category per project.
    var categoryLookup: [String: ProjectCategory] = [:]
    /// The file it was read from.
    public var file: String

    /// The clauses of a cell.
    public func clauses(category: String, column: String) -> [RuleClause]? { cells[category]?[column] }

    static func lookup(_ categories: [ProjectCategory]) -> [String: ProjectCategory] {
        var table: [String: ProjectCategory] = [:]
        for category in categories.reversed() {
            table[category.code] = category
            table[category.code.lowercased()] = category
            for alias in category.aliases { table[alias.lowercased()] = category }
        }
        return table
    }

    /// The column that covers a zone of this kind and level, if any.
    public func column(kind: ZoneKind, level: String) -> RuleColumn? {
        columns.first { $0.covers(kind: kind, level: level) }
    }

    /// The category with this code or alias (aliases and codes are matched case-insensitively).
    public func category(_ code: String) throws -> ProjectCategory {
        guard let found = categoryLookup[code] ?? categoryLookup[code.lowercased()] else {
            throw ScreeningError.unknownCategory(code, known: categories.map(\.code))
        }
        return found
    }

    /// The farthest from a footprint, in metres, the screener looks for a zone: the nearest-zone radius or a proximity
    /// rule's distance. Zones farther away cannot change a result.
    public var farthestLook: Double { max(Screener.nearestRadius, proximity.map(\.distance).max() ?? 0) }
}
