/// The legal status a ruleset records for a basis on its as-of date.
public enum BasisStatus: String, Sendable, Hashable, CaseIterable {
    case inForce = "in_force"
    case superseded
    case repealed
    case expired
}

/// How well a basis was checked.
public enum Verification: String, Sendable, Hashable, CaseIterable {
    /// Verified against the instrument's text.
    case verified = "V"
    /// Partly verified: some of the article, number or dates not checked.
    case partly = "P"
    /// Not verified (from memory or secondary reports).
    case unverified = "U"
    /// Taken from the text of a plan the project was given.
    case plan = "S"
}

/// A legal basis cited by a rule, with what an official needs to find it: issuing body, title, document or
/// order number, article, dates, status and publisher.
public struct LegalBasis: Sendable, Hashable {
    /// The id the ruleset uses, for example "eec-2026-art319".
    public var id: String
    /// The instrument's Chinese title (without 《》).
    public var instrument: String
    public var instrumentEnglish: String
    /// The issuing body, for example 国务院.
    public var issuer: String
    public var issuerEnglish: String
    /// The document or order number (文号/令号, or a standard's number); nil when not found.
    public var number: String?
    /// The article in Chinese, for example 第三百一十九条（…）.
    public var article: String
    public var articleEnglish: String
    /// The edition, for example "2017 amendment".
    public var edition: String
    /// Date of issue (or adoption).
    public var issued: LegalDate?
    /// When that edition came into force.
    public var inForceFrom: LegalDate?
    /// The first day it no longer applied (repealed, expired or replaced); nil while in force or when not known.
    public var endedOn: LegalDate?
    /// Its status on the ruleset's as-of date.
    public var status: BasisStatus
    /// The id of the basis that replaced it.
    public var supersededBy: String?
    /// The official publisher, for example 国家法律法规数据库.
    public var publisher: String
    public var publisherEnglish: String
    /// The official publisher's page, when one was found.
    public var url: String?
    public var verification: Verification
    /// What is and is not verified, in both languages.
    public var note: LocalizedText?
    /// Fields left empty, with the reason each could not be filled.
    public var missing: [String: String]
    /// The ruleset's as-of date, on which `status` was assessed.
    public var assessedOn: CalendarDay

    /// A basis a zone's own access list names that the ruleset does not define.
    static func unlisted(_ id: String, assessedOn: CalendarDay) -> LegalBasis {
        LegalBasis(
            id: id, instrument: id, instrumentEnglish: id, issuer: "", issuerEnglish: "", number: nil, article: "", articleEnglish: "",
            edition: "", issued: nil, inForceFrom: nil, endedOn: nil, status: .inForce, supersededBy: nil, publisher: "",
            publisherEnglish: "", url: nil, verification: .unverified,
            note: LocalizedText(
                zh: "该依据由管控单元准入清单给出，规则集未收录，未核实。",
                en: "Named by a zone's access list and not defined in the ruleset; unverified."),
            missing: [:], assessedOn: assessedOn)
    }

    /// The basis's standing on `day`: not yet in force, in force, or superseded, repealed or expired.
    ///
    /// Dates known only to the month or year make the answer uncertain inside that month or year. A basis that
    /// had ended by the ruleset's as-of date without a recorded end date is taken as ended, uncertainly, on any
    /// earlier day.
    public func standing(on day: CalendarDay) -> BasisStanding {
        var certain = true
        if let from = inForceFrom {
            if day < from.first { return BasisStanding(state: .notYetInForce, certain: true, since: from) }
            if day <= from.last, !from.isExact { certain = false }
        }
        let endedState: BasisStanding.State =
            switch status {
            case .inForce, .expired: .expired
            case .superseded: .superseded
            case .repealed: .repealed
            }
        if let end = endedOn {
            if day < end.first { return BasisStanding(state: .inForce, certain: certain, since: inForceFrom) }
            return BasisStanding(state: endedState, certain: certain && (end.isExact || day > end.last), since: end)
        }
        if status == .inForce { return BasisStanding(state: .inForce, certain: certain, since: inForceFrom) }
        return BasisStanding(state: endedState, certain: certain && day >= assessedOn, since: nil)
    }
}

/// Where a basis stood on one day.
public struct BasisStanding: Sendable, Hashable {
    public enum State: String, Sendable, Hashable {
        case notYetInForce = "not_yet_in_force"
        case inForce = "in_force"
        case superseded
        case repealed
        case expired
    }

    public var state: State
    /// False when the day falls where the dates are known only to the month or year, or are not known.
    public var certain: Bool
    /// The date the state began (entry into force, or the end), when known.
    public var since: LegalDate?

    public var isInForce: Bool { state == .inForce }
}
