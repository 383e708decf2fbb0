import Foundation
import Screening

/// A legal basis written out as an official would cite it in an approval file: issuing body, title, number,
/// article, dates, standing on the report's day, publisher and how well it was verified.
enum Citation {
    /// The citation proper: `issuer《title》（number）article`.
    static func reference(_ basis: LegalBasis, _ language: Language) -> String {
        if language == .zh {
            let number = basis.number.map { "（\($0)）" } ?? ""
            return "\(basis.issuer)《\(basis.instrument)》\(number)\(basis.article)"
        }
        let number = basis.number.map { " (\($0))" } ?? ""
        return "\(basis.issuerEnglish), \(basis.instrumentEnglish)\(number), \(basis.articleEnglish)"
    }

    /// Dates, standing on `day`, publisher and verification, as one parenthesised list.
    static func details(_ basis: LegalBasis, on day: CalendarDay, ruleset: Ruleset, _ language: Language) -> String {
        let zh = language == .zh
        var parts: [String] = []
        if !basis.edition.isEmpty { parts.append(basis.edition) }
        if let issued = basis.issued { parts.append(zh ? "\(issued)印发" : "issued \(issued)") }
        if let from = basis.inForceFrom { parts.append(zh ? "\(from)起施行" : "in force from \(from)") }
        parts.append(standing(basis, on: day, ruleset: ruleset, language))
        if !basis.publisher.isEmpty { parts.append(zh ? "发布：\(basis.publisher)" : "published by \(basis.publisherEnglish)") }
        parts.append(verificationName(basis.verification, language))
        let missing = basis.missing.keys.sorted().compactMap { missingName($0, language) }
        if !missing.isEmpty { parts.append((zh ? "未查到：" : "not found: ") + missing.joined(separator: zh ? "、" : ", ")) }
        return zh ? "（" + parts.joined(separator: "；") + "）" : " (" + parts.joined(separator: "; ") + ")"
    }

    /// The whole citation in one line, ending with the official page when there is one.
    static func line(_ basis: LegalBasis, on day: CalendarDay, ruleset: Ruleset, _ language: Language) -> String {
        var text = reference(basis, language) + details(basis, on: day, ruleset: ruleset, language)
        if let url = basis.url { text += " " + url }
        return text
    }

    /// "in force on 2026-12-06", "repealed from 2026-08-15, replaced by …", "not yet in force (from …)".
    static func standing(_ basis: LegalBasis, on day: CalendarDay, ruleset: Ruleset, _ language: Language) -> String {
        let zh = language == .zh
        let standing = basis.standing(on: day)
        let since = standing.since.map(\.text)
        let name = stateName(standing.state, language)
        var text = zh ? "\(day)\(name)" : "\(name) on \(day)"
        let ended = standing.state != .inForce && standing.state != .notYetInForce
        if let since, ended { text += zh ? "（\(since)起）" : " (from \(since))" }
        if let since, standing.state == .notYetInForce { text += zh ? "（\(since)起施行）" : " (in force from \(since))" }
        if !standing.certain { text += zh ? "（日期不确切，须核实）" : " (dates not exact: check)" }
        if ended, let successorID = basis.supersededBy, let successor = ruleset.bases[successorID] {
            text +=
                zh
                ? "，由\(successor.instrument)\(successor.article.prefix { $0 != "（" })取代 [\(successorID)]"
                : ", replaced by \(successor.instrumentEnglish) \(successor.articleEnglish.prefix { $0 != "(" }.trimmingCharacters(in: .whitespaces)) [\(successorID)]"
        }
        return text
    }

    /// "in force", "not yet in force", "superseded", "repealed" or "expired".
    static func stateName(_ state: BasisStanding.State, _ language: Language) -> String {
        let zh = language == .zh
        switch state {
        case .inForce: return zh ? "现行有效" : "in force"
        case .notYetInForce: return zh ? "尚未施行" : "not yet in force"
        case .superseded: return zh ? "已被取代" : "superseded"
        case .repealed: return zh ? "已废止" : "repealed"
        case .expired: return zh ? "已失效" : "expired"
        }
    }

    static func verificationName(_ verification: Verification, _ language: Language) -> String {
        let zh = language == .zh
        switch verification {
        case .verified: return zh ? "已核实" : "verified"
        case .partly: return zh ? "部分核实" : "partly verified"
        case .unverified: return zh ? "未核实" : "unverified"
        case .plan: return zh ? "规划原文" : "plan text"
        }
    }

    static func missingName(_ field: String, _ language: Language) -> String? {
        let zh = language == .zh
        switch field {
        case "number": return zh ? "文号" : "document number"
        case "issued": return zh ? "印发日期" : "issue date"
        case "in_force_from": return zh ? "施行日期" : "entry into force"
        case "ended_on": return zh ? "失效日期" : "end date"
        case "issuer": return zh ? "发文机关" : "issuer"
        default: return nil
        }
    }
}
