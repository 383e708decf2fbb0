/// GeoJSON `coordinates` as parsed, before the geometry type is known (members may come in any order).
/// Arrays of positions are kept flat ([x0, y0, x1, y1, …]) so that GEOS can copy them in one call.
enum CoordinateNode {
    /// `[]`
    case empty
    /// `[x, y]`
    case position(Double, Double)
    /// `[[x, y], …]`
    case positions(ContiguousArray<Double>)
    /// `[[…], …]` one level further out
    case list([CoordinateNode])

    /// Describes the nesting for messages, for example "an array of positions".
    var shapeDescription: String {
        switch self {
        case .empty: return "an empty array"
        case .position: return "a single position"
        case .positions: return "an array of positions"
        case let .list(children):
            if let first = children.first(where: {
                if case .empty = $0 { return false }; return true
            }) {
                return "an array of (\(first.shapeDescription))"
            }
            return "an array of empty arrays"
        }
    }
}

extension JSONScanner {
    mutating func noteProblem(_ message: String, at offset: Int) {
        if contentProblem == nil { contentProblem = (offset, message) }
    }

    /// Reads a `coordinates` value. Syntax errors throw; GeoJSON content problems (a string where a number
    /// belongs, a number too large for a double, mixed nesting) are noted and the value skipped.
    mutating func parseCoordinates(depth: Int) throws -> CoordinateNode {
        skipWhitespace()
        guard current == UInt8(ascii: "[") else {
            noteProblem("coordinates must be an array, not \(found)", at: index)
            try skipValue(depth: depth)
            return .empty
        }
        guard depth < 8 else {
            noteProblem("coordinates are nested deeper than any GeoJSON geometry", at: index)
            try skipValue(depth: depth)
            return .empty
        }
        let open = index
        index += 1
        skipWhitespace()
        switch current {
        case UInt8(ascii: "]"):
            index += 1
            return .empty
        case UInt8(ascii: "["):
            if nextArrayHoldsNumber() {
                var flat = ContiguousArray<Double>()
                repeat {
                    try parsePosition(into: &flat, depth: depth + 1)
                } while try nextElement(closing: UInt8(ascii: "]"), in: "coordinates")
                return .positions(flat)
            }
            var children: [CoordinateNode] = []
            repeat {
                children.append(try parseCoordinates(depth: depth + 1))
            } while try nextElement(closing: UInt8(ascii: "]"), in: "coordinates")
            return .list(children)
        default:
            index = open
            var flat = ContiguousArray<Double>()
            try parsePosition(into: &flat, depth: depth)
            return flat.count == 2 ? .position(flat[0], flat[1]) : .empty
        }
    }

    /// Whether the array starting at the current '[' begins with a number (so it is a position).
    private func nextArrayHoldsNumber() -> Bool {
        var probe = index + 1
        while probe < count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[probe]) { probe += 1 }
        guard probe < count else { return false }
        let byte = bytes[probe]
        return byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// Reads `[x, y]` or `[x, y, z]` and appends x and y.
    private mutating func parsePosition(into flat: inout ContiguousArray<Double>, depth: Int) throws {
        skipWhitespace()
        let start = index
        guard current == UInt8(ascii: "[") else {
            noteProblem("expected a position [x, y] but found \(found)", at: start)
            try skipValue(depth: depth)
            return
        }
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            noteProblem("empty position []; a position is [longitude, latitude]", at: start)
            return
        }
        var numbers = 0
        var x = 0.0
        var y = 0.0
        repeat {
            skipWhitespace()
            let byte = current
            if byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                let numberStart = index
                let value = try parseDouble()
                if !value.isFinite {
                    noteProblem(
                        "number \(String(decoding: UnsafeBufferPointer(start: bytes + numberStart, count: index - numberStart), as: UTF8.self)) is too large for a coordinate",
                        at: numberStart)
                }
                if numbers == 0 { x = value } else if numbers == 1 { y = value }
                numbers += 1
            } else {
                if byte == UInt8(ascii: "[") {
                    noteProblem("coordinates mix positions and arrays at the same depth", at: index)
                } else if byte != UInt8(ascii: "N") && byte != UInt8(ascii: "I") {
                    noteProblem("a position holds numbers only, not \(found)", at: index)
                }
                try skipValue(depth: depth + 1)
                numbers += 1
            }
        } while try nextElement(closing: UInt8(ascii: "]"), in: "a position")
        if numbers < 2 {
            noteProblem("a position needs two numbers [longitude, latitude]; this one has \(numbers)", at: start)
            return
        }
        if numbers > 2 { sawAltitude = true }
        if numbers > 3 {
            noteProblem("a position has \(numbers) numbers; GeoJSON positions have 2 or 3 (is this a flat list of coordinates?)", at: start)
        }
        flat.append(x)
        flat.append(y)
    }
}
