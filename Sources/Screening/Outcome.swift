/// What a rule says of a project in a zone (DOMAIN.md §6), from strictest to loosest.
public enum Outcome: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Not lawful.
    case prohibited
    /// Lawful only with a named extra approval or demonstration.
    case restricted
    /// Lawful subject to standard conditions (EIA, local list, design measures).
    case conditional
    /// Lawful.
    case allowed
    /// The layer says nothing about this category.
    case noRule = "no_rule"

    /// Strictness: 4 for prohibited down to 0 for no rule.
    public var severity: Int {
        switch self {
        case .prohibited: 4
        case .restricted: 3
        case .conditional: 2
        case .allowed: 1
        case .noRule: 0
        }
    }

    /// Orders by strictness: `a < b` when `a` is looser than `b`.
    public static func < (lhs: Outcome, rhs: Outcome) -> Bool { lhs.severity < rhs.severity }

    /// The Chinese label.
    public var chineseName: String {
        switch self {
        case .prohibited: "禁止"
        case .restricted: "限制（需专项审批/论证）"
        case .conditional: "有条件允许"
        case .allowed: "允许"
        case .noRule: "无规定"
        }
    }
}
