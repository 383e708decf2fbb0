import Geo

/// Reads typed fields out of a parsed JSON value, with errors that name the path of the field
/// ("cells[12].clauses[0].outcome") so that a data author can find it.
struct JSONFields {
    let object: JSONObject
    let path: String
    let file: String

    init(_ value: JSONValue, path: String, file: String) throws {
        guard let object = value.objectValue else {
            throw ScreeningError.ruleset(file: file, message: "\(path.isEmpty ? "the document" : path) must be an object")
        }
        self.object = object
        self.path = path
        self.file = file
    }

    func fail(_ key: String, _ message: String) -> ScreeningError {
        .ruleset(file: file, message: "\(path.isEmpty ? key : "\(path).\(key)"): \(message)")
    }

    /// Refuses members other than `allowed`, so that a misspelt key is not silently ignored.
    func onlyKeys(_ allowed: Set<String>) throws {
        for key in object.keys where !allowed.contains(key) {
            throw fail(key, "unknown member; expected one of \(allowed.sorted().joined(separator: ", "))")
        }
    }

    func has(_ key: String) -> Bool { object[key] != nil && object[key] != .null }

    func string(_ key: String) throws -> String {
        guard let value = object[key]?.stringValue else { throw fail(key, "must be a string") }
        return value
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard let text = value.stringValue else { throw fail(key, "must be a string or null") }
        return text
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = object[key] else { return nil }
        guard let flag = value.boolValue else { throw fail(key, "must be true or false") }
        return flag
    }

    func number(_ key: String) throws -> Double {
        guard let value = object[key]?.doubleValue, value.isFinite else { throw fail(key, "must be a number") }
        return value
    }

    func strings(_ key: String) throws -> [String] {
        guard let array = object[key]?.arrayValue else { throw fail(key, "must be an array of strings") }
        return try array.enumerated().map { index, item in
            guard let text = item.stringValue else { throw fail("\(key)[\(index)]", "must be a string") }
            return text
        }
    }

    func optionalStrings(_ key: String) throws -> [String]? {
        guard has(key) else { return nil }
        return try strings(key)
    }

    func text(_ key: String) throws -> LocalizedText {
        let fields = try JSONFields(object[key] ?? .null, path: path.isEmpty ? key : "\(path).\(key)", file: file)
        return LocalizedText(zh: try fields.string("zh"), en: try fields.string("en"))
    }

    func array(_ key: String) throws -> [JSONValue] {
        guard let array = object[key]?.arrayValue else { throw fail(key, "must be an array") }
        return array
    }

    func child(_ key: String) throws -> JSONFields {
        try JSONFields(object[key] ?? .null, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }
}

/// Text in Chinese and English.
public struct LocalizedText: Sendable, Hashable {
    /// 中文.
    public var zh: String
    /// English.
    public var en: String

    /// Text in both languages.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}

/// The language of a report.
public enum Language: String, Sendable, CaseIterable {
    case en
    case zh
}
