/// The overall answer for a project, and the whole policy that makes it from the findings: which outcome a finding
/// contributes, that the strictest one decides, and which approvals a restricted verdict needs. Nothing else in the
/// package restates it.
public enum Verdict: String, Sendable, Hashable, CaseIterable, Comparable {
    /// No zone forbids, restricts or conditions the project.
    case clear
    /// Lawful subject to conditions somewhere.
    case conditional
    /// Needs at least one named approval or demonstration.
    case restricted
    /// Forbidden somewhere in its footprint.
    case prohibited

    /// The verdict an outcome leads to.
    public init(_ outcome: Outcome) {
        switch outcome {
        case .prohibited: self = .prohibited
        case .restricted: self = .restricted
        case .conditional: self = .conditional
        case .allowed, .noRule: self = .clear
        }
    }

    private var rank: Int {
        switch self {
        case .clear: 0
        case .conditional: 1
        case .restricted: 2
        case .prohibited: 3
        }
    }

    /// Orders by strictness.
    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }

    /// The Chinese label.
    public var chineseName: String {
        switch self {
        case .clear: "未发现冲突"
        case .conditional: "有条件允许"
        case .restricted: "限制（需专项审批/论证）"
        case .prohibited: "禁止"
        }
    }
}

extension Verdict {
    /// What a rule's outcome contributes for a footprint in this relation to the zone: a nearby zone contributes
    /// nothing (its flag never changes the verdict); a footprint that only shares the zone's boundary is not in it,
    /// so the boundary survey decides and it counts at most as conditional.
    public static func contribution(of outcome: Outcome, relation: Relation) -> Outcome {
        switch relation {
        case .nearby: .noRule
        case .touches: min(outcome, .conditional)
        case .inside, .partlyInside: outcome
        }
    }

    /// The strictest of the findings' contributions (clear when there are none).
    public init(findings: [Finding]) {
        self = findings.map { Verdict($0.effectiveOutcome) }.max() ?? .clear
    }

    /// The approvals the verdict needs: those of every finding that contributes a restriction, united.
    public static func approvalCodes(of findings: [Finding]) -> Set<String> {
        Set(findings.filter { $0.effectiveOutcome == .restricted }.flatMap { $0.rule?.approvals ?? [] })
    }
}
