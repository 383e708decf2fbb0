/// An error reading plain JSON: where (1-based line and column) and what.
public struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line of the problem.
    public var line: Int
    /// 1-based column (in bytes) of the problem.
    public var column: Int
    /// What is wrong.
    public var message: String

    /// "line L, column C: message".
    public var description: String { "line \(line), column \(column): \(message)" }
}

extension JSONValue {
    /// Parses a JSON text (RFC 8259; a leading UTF-8 byte-order mark is accepted) with the same reader
    /// GeoJSON uses: object members keep their order, numbers their literal text.
    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        var terminated = bytes
        terminated.append(0)
        return try terminated.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { throw JSONError(line: 1, column: 1, message: "no input") }
            var scanner = JSONScanner(bytes: base, count: buffer.count - 1)
            if scanner.count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { scanner.index = 3 }
            do {
                let value = try scanner.parseValue()
                scanner.skipWhitespace()
                guard scanner.index >= scanner.count else { throw scanner.error("unexpected \(scanner.found) after the JSON value") }
                return value
            } catch let error as JSONSyntaxError {
                var line = 1
                var lineStart = 0
                for offset in 0..<min(error.offset, scanner.count) where base[offset] == 0x0A {
                    line += 1
                    lineStart = offset + 1
                }
                throw JSONError(line: line, column: error.offset - lineStart + 1, message: error.message)
            }
        }
    }

    /// Parses a JSON file.
    public static func parse(contentsOf path: String) throws -> JSONValue {
        try parse(FileBytes.read(path))
    }

    /// The value as pretty-printed JSON text (2-space indent, members in order), ending with a newline.
    public func prettyPrinted() -> String {
        var writer = JSONWriter()
        writer.writePretty(self, indent: 0)
        writer.raw("\n")
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The value as compact JSON text.
    public func compact() -> String {
        String(decoding: JSONWriter.encode(self), as: UTF8.self)
    }
}

extension JSONWriter {
    mutating func writePretty(_ value: JSONValue, indent: Int) {
        let pad = String(repeating: " ", count: indent + 2)
        let closePad = String(repeating: " ", count: indent)
        switch value {
        case let .array(items) where !items.isEmpty:
            raw("[\n")
            for (i, item) in items.enumerated() {
                raw(pad)
                writePretty(item, indent: indent + 2)
                raw(i + 1 < items.count ? ",\n" : "\n")
            }
            raw(closePad + "]")
        case let .object(object) where !object.isEmpty:
            raw("{\n")
            for i in 0..<object.count {
                raw(pad)
                write(string: object.keys[i])
                raw(": ")
                writePretty(object.values[i], indent: indent + 2)
                raw(i + 1 < object.count ? ",\n" : "\n")
            }
            raw(closePad + "}")
        default:
            write(value)
        }
    }
}
