import Foundation
import Geo

/// The four dimensions of an environmental control unit's access list (生态环境准入清单).
public enum AccessDimension: String, Sendable, Hashable, CaseIterable {
    case spatialLayout = "spatial_layout"
    case pollutantEmission = "pollutant_emission"
    case environmentalRisk = "environmental_risk"
    case resourceEfficiency = "resource_efficiency"

    public var chineseName: String {
        switch self {
        case .spatialLayout: "空间布局约束"
        case .pollutantEmission: "污染物排放管控"
        case .environmentalRisk: "环境风险防控"
        case .resourceEfficiency: "资源利用效率"
        }
    }

    public var englishName: String {
        switch self {
        case .spatialLayout: "spatial layout constraints"
        case .pollutantEmission: "pollutant emission control"
        case .environmentalRisk: "environmental risk prevention"
        case .resourceEfficiency: "resource use efficiency"
        }
    }

    /// The dimension for a data value: its code or its Chinese name.
    public init?(parsing text: String) {
        guard let found = AccessDimension.allCases.first(where: { $0.rawValue == text || $0.chineseName == text }) else { return nil }
        self = found
    }
}

/// One clause of a unit's access list, as the list words it: what a reviewer checks the project against (逐条对照).
public struct AccessClause: Sendable, Hashable {
    public var dimension: AccessDimension
    /// Whose list it comes from: 省, 市 or 县 (nil when the table does not say).
    public var tier: String?
    public var text: String
    /// The file (and row) it was read from.
    public var source: String

    public init(dimension: AccessDimension, tier: String?, text: String, source: String) {
        self.dimension = dimension
        self.tier = tier
        self.text = text
        self.source = source
    }

    /// A list cell cut into its clauses: at line breaks, and before an enumerator ("1." "1、" "（1）" "(1)" "①")
    /// that opens the cell or follows a full stop or semicolon.
    public static func split(_ cell: String) -> [String] {
        var clauses: [String] = []
        for line in cell.split(whereSeparator: \.isNewline) {
            let characters = Array(line)
            var start = 0
            var index = 0
            while index < characters.count {
                let afterBreak = index == 0 || "。；;".contains(characters[index - 1])
                if index > start, afterBreak, enumeratorLength(characters, at: index) > 0 {
                    clauses.append(String(characters[start..<index]))
                    start = index
                }
                index += 1
            }
            clauses.append(String(characters[start...]))
        }
        return clauses.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// How many characters an enumerator takes at `index` (0 when there is none).
    static func enumeratorLength(_ characters: [Character], at index: Int) -> Int {
        guard index < characters.count else { return 0 }
        let circled: Set<Character> = ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫", "⑬", "⑭", "⑮", "⑯", "⑰", "⑱", "⑲", "⑳"]
        if circled.contains(characters[index]) { return 1 }
        var cursor = index
        let opened = characters[cursor] == "（" || characters[cursor] == "("
        if opened { cursor += 1 }
        let digitsStart = cursor
        while cursor < characters.count, characters[cursor].isASCII, characters[cursor].isNumber { cursor += 1 }
        guard cursor > digitsStart, cursor - digitsStart <= 2, cursor < characters.count else { return 0 }
        let closer = characters[cursor]
        if opened { return closer == "）" || closer == ")" ? cursor + 1 - index : 0 }
        return ".、．".contains(closer) && !(cursor + 1 < characters.count && characters[cursor + 1].isNumber) ? cursor + 1 - index : 0
    }
}

extension AccessClause {
    /// The clause as a data layer stores it (`access_clauses[]`): dimension, tier, text and source.
    public var json: JSONObject {
        JSONObject(members: [
            ("dimension", .string(dimension.rawValue)), ("tier", tier.map(JSONValue.string) ?? .null),
            ("text", .string(text)), ("source", .string(source)),
        ])
    }

    /// A clause as a data layer stores it; nil unless it has a known `dimension` and a non-empty `text`.
    public init?(json value: JSONValue, defaultSource: String) {
        guard let entry = value.objectValue, let dimension = entry["dimension"]?.stringValue.flatMap(AccessDimension.init(parsing:)),
            let text = entry["text"]?.stringValue, !text.isEmpty
        else { return nil }
        self.init(dimension: dimension, tier: entry["tier"]?.stringValue, text: text, source: entry["source"]?.stringValue ?? defaultSource)
    }

    /// What a stored clause needs, for the messages that refuse one.
    public static let requirement = "needs a \"dimension\" (\(AccessDimension.allCases.map(\.rawValue).joined(separator: ", "))) and a \"text\""
}
