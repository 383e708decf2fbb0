import Geo

/// Everything that can go wrong in the Screening layer, each case with what, where and how to fix it.
public enum ScreeningError: Error, Sendable, Equatable {
    /// A `kind` value that RedLine does not know.
    case unknownKind(String)
    /// A `level` value that the kind does not have.
    case unknownLevel(kind: ZoneKind, level: String)
    /// A project category code that the ruleset does not define.
    case unknownCategory(String, known: [String])
    /// A problem in a data folder: file, feature (if any), what is wrong, and what the user can do about it.
    case data(file: String, feature: String?, message: String, hint: ScreeningHint? = nil)
    /// A problem with the ruleset file.
    case ruleset(file: String, message: String)
    /// A problem with a footprint given for screening: file, feature (if any), what is wrong, and what the user can do.
    case footprint(file: String, feature: String?, message: String, hint: ScreeningHint? = nil)
    /// A project attribute that is missing or has a wrong value.
    case attribute(name: String, message: String)
    /// Several problems in a data folder, each naming its file and feature.
    case invalidData([ScreeningError])
}

extension ScreeningError {
    /// A footprint error placed in the file and feature it is about, when the screener could only name the project.
    public func located(file: String, feature: String?) -> ScreeningError {
        guard case let .footprint(known, _, message, hint) = self, known.isEmpty else { return self }
        return .footprint(file: file, feature: feature, message: message, hint: hint)
    }

    /// What the user can do about it, when the library knows.
    public var hint: ScreeningHint? {
        switch self {
        case let .data(_, _, _, hint), let .footprint(_, _, _, hint): hint
        case .unknownCategory: .stateAttribute("category")
        default: nil
        }
    }
}

extension ScreeningError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .unknownKind(kind):
            let known = ZoneKind.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown zone kind \"\(kind)\"; known kinds: \(known)"
        case let .unknownLevel(kind, level):
            let known = kind.levels.map(\.code).joined(separator: ", ")
            return "unknown level \"\(level)\" for kind \(kind.rawValue); known levels: \(known)"
        case let .unknownCategory(code, known):
            return "unknown project category \"\(code)\"; known categories: \(known.joined(separator: ", "))"
        case let .data(file, feature, message, _), let .footprint(file, feature, message, _):
            return [file.isEmpty ? nil : file, feature].compactMap { $0 }.joined(separator: ", ") + ": \(message)"
        case let .ruleset(file, message):
            return "\(file): \(message)"
        case let .attribute(name, message):
            return "project attribute \(name): \(message)"
        case let .invalidData(problems):
            let shown = problems.prefix(20).map { "  - \($0)" }.joined(separator: "\n")
            let more = problems.count > 20 ? "\n  … and \(problems.count - 20) more" : ""
            return "the data folder has \(problems.count) problem(s):\n\(shown)\(more)"
        }
    }
}
