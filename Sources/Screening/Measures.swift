/// An area in square metres, with the units Chinese officials report in.
public struct Area: Sendable, Hashable, Comparable {
    /// Square metres (geodesic).
    public var squareMetres: Double

    /// An area of `squareMetres` m².
    public init(squareMetres: Double) {
        self.squareMetres = squareMetres
    }

    /// 公顷: 10,000 m².
    public var hectares: Double { squareMetres / 10_000 }
    /// 亩: 1 公顷 = 15 亩, so 1 亩 = 666.67 m².
    public var mu: Double { squareMetres * 15 / 10_000 }
    /// km².
    public var squareKilometres: Double { squareMetres / 1_000_000 }

    public static func < (lhs: Area, rhs: Area) -> Bool { lhs.squareMetres < rhs.squareMetres }
}
