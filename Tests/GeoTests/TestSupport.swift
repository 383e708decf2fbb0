@testable import Geo

/// A square ring, counter-clockwise, closed.
func squareRing(_ x: Double, _ y: Double, side: Double) -> [Coordinate] {
    [Coordinate(x, y), Coordinate(x + side, y), Coordinate(x + side, y + side), Coordinate(x, y + side), Coordinate(x, y)]
}

/// A square polygon.
func square(_ x: Double, _ y: Double, side: Double) throws -> Geometry {
    try Geometry(.polygon([squareRing(x, y, side: side)]))
}

/// A small deterministic generator (SplitMix64), so that "random" tests are repeatable.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// |a − b| within an absolute floor plus a relative part.
func close(_ a: Double, _ b: Double, absolute: Double = 0, relative: Double = 0) -> Bool {
    abs(a - b) <= absolute + relative * max(abs(a), abs(b))
}
