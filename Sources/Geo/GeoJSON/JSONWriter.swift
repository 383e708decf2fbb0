/// Writes JSON text compactly and deterministically: object members in their stored order,
/// numbers in shortest round-trip form, non-ASCII text as UTF-8 (not \u escapes).
struct JSONWriter {
    var bytes: [UInt8] = []

    static func encode(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(value)
        return writer.bytes
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: raw("null")
        case let .bool(b): raw(b ? "true" : "false")
        case let .number(n): raw(n.literal)
        case let .string(s): write(string: s)
        case let .array(items):
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case let .object(object):
            write(object)
        }
    }

    mutating func write(_ object: JSONObject) {
        bytes.append(UInt8(ascii: "{"))
        for i in 0..<object.count {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            write(string: object.keys[i])
            bytes.append(UInt8(ascii: ":"))
            write(object.values[i])
        }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func write(string: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            case 0x00..<0x20:
                let hex = String(byte, radix: 16)
                raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes a finite double; non-finite values (which JSON cannot hold) become null.
    mutating func write(number value: Double) {
        if let number = JSONNumber(value) { raw(number.literal) } else { raw("null") }
    }
}
