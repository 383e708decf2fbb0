import Foundation
import Geo
import Screening

/// An SVG map of a footprint and the zones around it, drawn in the footprint's CGCS2000 Gauss–Krüger plane
/// (conformal, metres), never in raw degrees: zones coloured by kind, the overlaps hatched, labels, a scale
/// bar, a north arrow and a kilometre grid.
struct MapSVG {
    var width = 760.0
    var height = 560.0
    let plane: LocalPlane
    /// The view in plane metres.
    let view: Envelope

    /// A map of an explicit view and size.
    init(view: Envelope, plane: LocalPlane, width: Double, height: Double) {
        self.view = view
        self.plane = plane
        self.width = width
        self.height = height
    }
    var scale: Double { min(width / (view.maxX - view.minX), height / (view.maxY - view.minY)) }

    /// Colours by kind (fill, stroke).
    static var colours: [ZoneKind: (String, String)] { ZonePalette.colours }

    /// The view around a footprint: its extent plus a margin, at least `minimumSize` metres across.
    init(around footprint: Geometry, plane: LocalPlane, minimumSize: Double, marginShare: Double = 0.3) throws {
        self.plane = plane
        let projected = try plane.forward.transform(footprint)
        guard let e = projected.envelope else { throw GeoError.invalidArgument("empty footprint") }
        let size = max(minimumSize, max(e.maxX - e.minX, e.maxY - e.minY) * (1 + 2 * marginShare))
        let aspect = width / height
        let halfWidth = max(size, size * aspect) / 2, halfHeight = halfWidth / aspect
        let centre = e.center
        view = Envelope(minX: centre.x - halfWidth, minY: centre.y - halfHeight, maxX: centre.x + halfWidth, maxY: centre.y + halfHeight)
    }

    /// The view as a lon/lat rectangle (a little larger, so clipped zones reach past the frame).
    func lonLatWindow() throws -> Envelope {
        let corners = try [
            Coordinate(view.minX, view.minY), Coordinate(view.maxX, view.minY), Coordinate(view.maxX, view.maxY), Coordinate(view.minX, view.maxY),
        ]
        .map { try plane.inverse.transform($0) }
        let xs = corners.map(\.x), ys = corners.map(\.y)
        let padX = ((xs.max() ?? 0) - (xs.min() ?? 0)) * 0.05, padY = ((ys.max() ?? 0) - (ys.min() ?? 0)) * 0.05
        return Envelope(minX: (xs.min() ?? 0) - padX, minY: (ys.min() ?? 0) - padY, maxX: (xs.max() ?? 0) + padX, maxY: (ys.max() ?? 0) + padY)
    }

    func sx(_ x: Double) -> Double { (x - view.minX) * scale }
    func sy(_ y: Double) -> Double { (view.maxY - y) * scale }
    func point(_ c: Coordinate) -> String { String(format: "%.1f %.1f", sx(c.x), sy(c.y)) }

    /// SVG path data of a lon/lat geometry (rings closed with Z; points left out). Detail finer than half a pixel is
    /// dropped before projecting (a zone boundary can hold a million vertices on a 300-pixel map), and a vertex that
    /// prints as the previous one is not written again.
    func pathData(_ geometry: Geometry) throws -> String {
        // Half a pixel in degrees of latitude; a degree of longitude is no longer, so this never drops more.
        let halfPixelDegrees = 0.5 / scale / 111_320
        let projected = try plane.forward.transform(geometry.simplified(tolerance: halfPixelDegrees))
        var out = ""
        func line(_ cs: [Coordinate], close: Bool) {
            guard let first = cs.first else { return }
            var last = point(first)
            out += "M" + last
            for c in cs.dropFirst() {
                let next = point(c)
                if next != last { out += "L" + next }
                last = next
            }
            if close { out += "Z" }
        }
        func walk(_ shape: Shape) {
            switch shape {
            case .point, .multiPoint: break
            case let .lineString(cs): line(cs, close: false)
            case let .multiLineString(lines): lines.forEach { line($0, close: false) }
            case let .polygon(rings): rings.forEach { line($0, close: true) }
            case let .multiPolygon(polygons): polygons.forEach { $0.forEach { line($0, close: true) } }
            case let .geometryCollection(members): members.forEach(walk)
            }
        }
        walk(projected.shape)
        return out
    }

    /// Points of a lon/lat geometry in SVG coordinates.
    func points(_ geometry: Geometry) throws -> [(Double, Double)] {
        let projected = try plane.forward.transform(geometry)
        switch projected.shape {
        case let .point(c): return [(sx(c.x), sy(c.y))]
        case let .multiPoint(cs): return cs.map { (sx($0.x), sy($0.y)) }
        default: return []
        }
    }

    /// The scale bar (lower left) and the north arrow (upper right, grid north) as SVG.
    func scaleBarAndNorthArrow(_ language: Language) -> String {
        let bar = scaleBarMetres
        return String(
            format: "<g><rect x=\"14\" y=\"%.0f\" width=\"%.1f\" height=\"6\" fill=\"#000\"/><text x=\"14\" y=\"%.0f\" font-size=\"11\">%@</text></g>",
            height - 24, bar * scale, height - 30, Format.length(bar, language))
            + String(
                format:
                    "<g transform=\"translate(%.0f,40)\"><path d=\"M0,-22 L8,6 L0,0 L-8,6 Z\" fill=\"#000\"/><text x=\"0\" y=\"20\" font-size=\"12\" text-anchor=\"middle\">N</text></g>",
                width - 30)
    }

    /// A round length for the scale bar, about a quarter of the view.
    var scaleBarMetres: Double {
        let target = (view.maxX - view.minX) / 4
        let power = pow(10, floor(log10(target)))
        return [1.0, 2, 5, 10].map { $0 * power }.last { $0 <= target } ?? power
    }

    /// Grid spacing in metres: about five lines across.
    var gridMetres: Double {
        let target = (view.maxX - view.minX) / 5
        let power = pow(10, floor(log10(target)))
        return [1.0, 2, 5, 10].map { $0 * power }.last { $0 <= target } ?? power
    }
}
