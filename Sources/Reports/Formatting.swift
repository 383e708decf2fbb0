import Foundation
import Screening

/// Number formatting shared by the renderings: fixed decimals, thousands separators, units.
enum Format {
    /// "24,100.00" style with `decimals` places.
    static func number(_ value: Double, decimals: Int) -> String {
        let plain = String(format: "%.\(decimals)f", value)
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1)
        var integer = String(parts.first ?? "0")
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + grouped + fraction
    }

    /// "2.41 ha (36.15 亩, 24,100 m²)" or the Chinese order "2.41 公顷（36.15 亩，24,100 平方米）".
    static func area(_ area: Area, _ language: Language) -> String {
        let m2 = number(area.squareMetres, decimals: area.squareMetres < 100 ? 2 : 0)
        let ha = number(area.hectares, decimals: area.hectares < 1 ? 4 : 2)
        let mu = number(area.mu, decimals: 2)
        return language == .zh ? "\(ha) 公顷（\(mu) 亩，\(m2) 平方米）" : "\(ha) ha (\(mu) mu 亩, \(m2) m²)"
    }

    /// "1,234.5 m" / "1.23 km".
    static func length(_ metres: Double, _ language: Language) -> String {
        if metres >= 10_000 { return number(metres / 1000, decimals: 2) + (language == .zh ? " 千米" : " km") }
        return number(metres, decimals: metres == metres.rounded() ? 0 : 1) + (language == .zh ? " 米" : " m")
    }

    static func percent(_ share: Double) -> String { number(share * 100, decimals: 1) + "%" }

    /// Rounded for JSON so that output is stable: areas and lengths to 0.01, shares to 1e-6.
    static func rounded(_ value: Double, decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded() / scale
    }
}
