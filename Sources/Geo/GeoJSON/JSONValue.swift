/// A JSON value with object members kept in their original order, so that properties written back
/// out appear as the user wrote them.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept as written.
    case number(JSONNumber)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, members in order.
    case object(JSONObject)

    /// The string, if this is one.
    public var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    /// The number as a Double, if this is one.
    public var doubleValue: Double? {
        if case let .number(n) = self { return n.doubleValue }
        return nil
    }

    /// The Boolean, if this is one.
    public var boolValue: Bool? {
        if case let .bool(b) = self { return b }
        return nil
    }

    /// The object, if this is one.
    public var objectValue: JSONObject? {
        if case let .object(o) = self { return o }
        return nil
    }

    /// The array, if this is one.
    public var arrayValue: [JSONValue]? {
        if case let .array(a) = self { return a }
        return nil
    }

    /// A short text for messages: strings bare, numbers as written, other values as JSON.
    public var displayText: String {
        switch self {
        case let .string(s): return s
        case let .number(n): return n.literal
        default: return String(decoding: JSONWriter.encode(self), as: UTF8.self)
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    /// A string value from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A Boolean value from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A number from an integer literal.
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    /// JSON null from `nil`.
    public init(nilLiteral: ()) { self = .null }
}

/// A JSON number, kept as its literal text so that large integers and exact decimals survive a round trip.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as written in JSON, for example "42", "-0.5" or "1e-07".
    public let literal: String

    init(literal: String) {
        self.literal = literal
    }

    /// An integer.
    public init(_ value: Int) {
        literal = String(value)
    }

    /// A finite double in its shortest round-trip form; nil for NaN and infinities, which JSON cannot hold.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        literal = JSONNumber.format(value)
    }

    /// The value as a Double (the nearest one for literals with more precision).
    public var doubleValue: Double { Double(literal) ?? .nan }

    /// The value as an Int, when the literal is an integer that fits.
    public var intValue: Int? { Int(literal) }

    /// The literal text.
    public var description: String { literal }

    /// Shortest text that reads back as the same Double; integral values without a fractional part.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return value.description
    }
}

/// A JSON object: members in their original order. Lookup by key returns the last member of that name.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// Member names, in order.
    public private(set) var keys: [String]
    /// Member values, parallel to `keys`.
    public private(set) var values: [JSONValue]

    /// An empty object.
    public init() {
        keys = []
        values = []
    }

    /// An object with these members, in this order.
    public init(_ members: KeyValuePairs<String, JSONValue>) {
        keys = members.map(\.key)
        values = members.map(\.value)
    }

    /// An object with these members, in this order.
    public init(members: [(String, JSONValue)]) {
        keys = members.map(\.0)
        values = members.map(\.1)
    }

    /// The number of members.
    public var count: Int { keys.count }
    /// Whether there are no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// The value of the member named `key` (the last one, if the name repeats). Setting replaces it in place or appends.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let index = keys.lastIndex(of: key) else { return nil }
            return values[index]
        }
        set {
            if let index = keys.lastIndex(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Appends a member without looking for an existing one of the same name (what a parser does).
    mutating func append(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
    }

    /// The members in order, as (key, value) pairs.
    public func makeIterator() -> AnyIterator<(key: String, value: JSONValue)> {
        var index = 0
        return AnyIterator {
            guard index < keys.count else { return nil }
            defer { index += 1 }
            return (keys[index], values[index])
        }
    }
}
