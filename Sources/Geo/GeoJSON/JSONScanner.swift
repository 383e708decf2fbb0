#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A JSON syntax error at a byte offset: the document cannot be read past it.
struct JSONSyntaxError: Error {
    let offset: Int
    let message: String
}

/// A byte-level JSON reader (RFC 8259) over a buffer that ends with a NUL sentinel.
///
/// It is written for speed on large GeoJSON files: no intermediate tokens, numbers parsed in place
/// with an exact fast path, strings validated as UTF-8 only when they hold non-ASCII bytes.
struct JSONScanner {
    let bytes: UnsafePointer<UInt8>
    /// Number of bytes before the sentinel.
    let count: Int
    var index = 0
    /// The first content problem met while reading the current geometry (valid JSON, wrong GeoJSON);
    /// the reader reports it for that feature and goes on with the next.
    var contentProblem: (offset: Int, message: String)?
    /// Whether a position with an altitude was met in the current geometry.
    var sawAltitude = false
    /// Nesting limit: deeper documents are refused rather than overflowing the stack.
    static let maximumDepth = 512

    init(bytes: UnsafePointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
    }

    @inline(__always) var current: UInt8 { index < count ? bytes[index] : 0 }

    @inline(__always) mutating func skipWhitespace() {
        while index < count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset ?? index, message: message)
    }

    /// What stands at the current position, for messages.
    var found: String {
        guard index < count else { return "the end of the file" }
        let byte = bytes[index]
        if byte >= 0x20, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
        skipWhitespace()
        guard current == byte else { throw error("expected \(what) but found \(found)") }
        index += 1
    }

    /// Reads `,` (returns true: another element follows) or the closing byte (returns false).
    mutating func nextElement(closing: UInt8, in what: String) throws -> Bool {
        skipWhitespace()
        switch current {
        case UInt8(ascii: ","): index += 1; return true
        case closing: index += 1; return false
        default: throw error("expected ',' or '\(Character(Unicode.Scalar(closing)))' in \(what) but found \(found)")
        }
    }

    /// Iterates the members of an object; `body` must consume each member's value.
    mutating func forEachMember(depth: Int, _ body: (inout JSONScanner, String) throws -> Void) throws {
        guard depth < JSONScanner.maximumDepth else { throw error("nesting deeper than \(JSONScanner.maximumDepth) levels") }
        try expect(UInt8(ascii: "{"), "'{'")
        skipWhitespace()
        if current == UInt8(ascii: "}") { index += 1; return }
        repeat {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a member name in quotes but found \(found)") }
            let key = try parseString()
            try expect(UInt8(ascii: ":"), "':' after member name \"\(key)\"")
            try body(&self, key)
        } while try nextElement(closing: UInt8(ascii: "}"), in: "an object")
    }

    /// Iterates the elements of an array; `body` must consume each element.
    mutating func forEachElement(depth: Int, _ body: (inout JSONScanner, Int) throws -> Void) throws {
        guard depth < JSONScanner.maximumDepth else { throw error("nesting deeper than \(JSONScanner.maximumDepth) levels") }
        try expect(UInt8(ascii: "["), "'['")
        skipWhitespace()
        if current == UInt8(ascii: "]") { index += 1; return }
        var position = 0
        repeat {
            try body(&self, position)
            position += 1
        } while try nextElement(closing: UInt8(ascii: "]"), in: "an array")
    }

    // MARK: Values

    mutating func parseValue(depth: Int = 0) throws -> JSONValue {
        skipWhitespace()
        switch current {
        case UInt8(ascii: "{"):
            var object = JSONObject()
            try forEachMember(depth: depth + 1) { scanner, key in
                object.append(key, try scanner.parseValue(depth: depth + 1))
            }
            return .object(object)
        case UInt8(ascii: "["):
            var array: [JSONValue] = []
            try forEachElement(depth: depth + 1) { scanner, _ in
                array.append(try scanner.parseValue(depth: depth + 1))
            }
            return .array(array)
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            _ = try parseDouble()
            return .number(JSONNumber(literal: String(decoding: UnsafeBufferPointer(start: bytes + start, count: index - start), as: UTF8.self)))
        default:
            if current == UInt8(ascii: "N") || current == UInt8(ascii: "I") {
                throw error("NaN and Infinity are not JSON numbers; write null or a finite number")
            }
            throw error("expected a JSON value but found \(found)")
        }
    }

    /// Skips one value of any type without building it.
    mutating func skipValue(depth: Int = 0) throws {
        skipWhitespace()
        switch current {
        case UInt8(ascii: "{"):
            try forEachMember(depth: depth + 1) { scanner, _ in try scanner.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            try forEachElement(depth: depth + 1) { scanner, _ in try scanner.skipValue(depth: depth + 1) }
        default:
            _ = try parseValue(depth: depth)
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let length = word.utf8CodeUnitCount
        let start = index
        guard index + length <= count, memcmp(bytes + index, word.utf8Start, length) == 0 else {
            throw error("expected a JSON value but found \(found)", at: start)
        }
        index += length
    }

    // MARK: Strings

    mutating func parseString() throws -> String {
        let open = index
        index += 1  // the opening quote
        let start = index
        var ascii = true
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let body = UnsafeBufferPointer(start: bytes + start, count: index - start)
                index += 1
                if ascii { return String(decoding: body, as: UTF8.self) }
                guard let text = String(validating: body, as: UTF8.self) else {
                    throw error(JSONScanner.notUTF8, at: start + JSONScanner.firstInvalidUTF8(body))
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if byte < 0x20 { throw error("control character 0x\(String(byte, radix: 16)) inside a string; escape it") }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        throw error("unterminated string", at: open)
    }

    static let notUTF8 = "text is not UTF-8 (GBK or GB18030?); convert the file, for example: iconv -f GB18030 -t UTF-8 in.geojson > out.geojson"

    /// The slow path, once a backslash has been seen: decode escapes into a byte buffer.
    private mutating func parseEscapedString(from start: Int) throws -> String {
        var decoded = Array(UnsafeBufferPointer(start: bytes + start, count: index - start))
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: decoded, as: UTF8.self) else {
                    throw error(JSONScanner.notUTF8, at: start + JSONScanner.firstInvalidUTF8(UnsafeBufferPointer(start: bytes + start, count: index - start)))
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                let escape = current
                index += 1
                switch escape {
                case UInt8(ascii: "\""): decoded.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): decoded.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): decoded.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard current == UInt8(ascii: "\\"), index + 1 < count, bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired UTF-16 surrogate \\u\(String(scalar, radix: 16)) in a string")
                        }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid UTF-16 surrogate pair in a string") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw error("unpaired UTF-16 surrogate \\u\(String(scalar, radix: 16)) in a string")
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape in a string") }
                    decoded.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string", at: index - 2)
                }
            default:
                if byte < 0x20 { throw error("control character 0x\(String(byte, radix: 16)) inside a string; escape it") }
                decoded.append(byte)
                index += 1
            }
        }
        throw error("unterminated string", at: start - 1)
    }

    private mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = current
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("expected four hex digits after \\u")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// The offset of the first byte that breaks UTF-8 in `body`.
    static func firstInvalidUTF8(_ body: UnsafeBufferPointer<UInt8>) -> Int {
        var offset = 0
        while offset < body.count {
            let lead = body[offset]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return offset
            }
            guard offset + length <= body.count,
                String(validating: UnsafeBufferPointer(rebasing: body[offset..<offset + length]), as: UTF8.self) != nil
            else {
                return offset
            }
            offset += length
        }
        return offset
    }

    // MARK: Numbers

    /// Exact powers of ten representable as doubles.
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Parses a JSON number. Numbers with at most 15 significant digits and a small decimal exponent (all
    /// coordinates in practice) are computed exactly from an integer mantissa (Clinger's fast path); the
    /// rest go to strtod, which rounds correctly. Overflow gives ±infinity, which callers refuse.
    mutating func parseDouble() throws -> Double {
        let start = index
        var negative = false
        if current == UInt8(ascii: "-") { negative = true; index += 1 }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        let integerStart = index
        while case let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                if mantissa != 0 { significant += 1 }
            } else {
                exponent += 1
                significant += 1
            }
            index += 1
        }
        let integerDigits = index - integerStart
        guard integerDigits > 0 else { throw error("a number needs digits after '-'", at: start) }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            throw error("numbers must not have leading zeros", at: start)
        }
        if current == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while case let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                    if mantissa != 0 { significant += 1 }
                    exponent -= 1
                } else {
                    significant += 1
                }
                index += 1
            }
            guard index > fractionStart else { throw error("a number needs digits after '.'", at: start) }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") {
                exponentNegative = current == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            var explicit = 0
            while case let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if explicit < 100_000 { explicit = explicit * 10 + Int(byte - UInt8(ascii: "0")) }
                index += 1
            }
            guard index > exponentStart else { throw error("a number needs digits in its exponent", at: start) }
            exponent += exponentNegative ? -explicit : explicit
        }
        if significant <= 15, mantissa < (1 << 53), abs(exponent) <= 22 {
            var value = Double(mantissa)
            value = exponent < 0 ? value / JSONScanner.powersOfTen[-exponent] : value * JSONScanner.powersOfTen[exponent]
            return negative ? -value : value
        }
        // The buffer ends with a NUL sentinel, and a JSON number is always followed by a non-number byte.
        return strtod(UnsafeRawPointer(bytes + start).assumingMemoryBound(to: CChar.self), nil)
    }
}
