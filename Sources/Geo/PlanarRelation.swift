/// Whether a small geometry meets, or lies wholly inside, a polygon, decided from flat linework when the answer is
/// clear and left to GEOS when it is not.
///
/// When the two boundaries stay more than `PlanarRelation.clearance` apart, each ring of one lies wholly inside or
/// wholly outside the other, so one even–odd test per ring settles both questions exactly; floating-point error in
/// those tests is some 1e-14 degrees, far below the clearance. When the boundaries come closer (they cross or touch,
/// or the geometry crosses a cut line of a subdivided zone), a boundary crossing that is certain despite rounding
/// settles "meets, not covered"; otherwise the answer is nil and the caller asks GEOS, whose predicates are robust.
enum PlanarRelation {
    /// How far apart the boundaries must stay for the flat tests to decide (in coordinate units: 1e-9° ≈ 0.1 mm).
    static let clearance = 1e-9

    /// `intersects` and `covered` (the polygon covers the geometry) of `geometry` against the polygon formed by runs
    /// `polygonRuns` of `polygon`, whose rings begin at `polygonStarts`; nil when GEOS must decide.
    ///
    /// - Parameter isPolygonal: whether `geometry` is a polygon (then the polygon's rings may lie inside it).
    static func relate(
        _ geometry: PlanarLinework, isPolygonal: Bool, to polygon: PlanarLinework,
        runs polygonRuns: Range<Int>, starts polygonStarts: ArraySlice<Coordinate>
    ) -> (intersects: Bool, covered: Bool)? {
        guard polygon.distance(runs: polygonRuns, to: geometry, cutoff: clearance) > clearance else {
            return polygon.certainlyCrosses(runs: polygonRuns, geometry) ? (true, false) : nil
        }
        let inside = geometry.starts.map { polygon.encloses($0, runs: polygonRuns) }
        let holdsPolygonRing = isPolygonal && polygonStarts.contains { geometry.encloses($0) }
        let allInside = !inside.isEmpty && !inside.contains(false)
        return (inside.contains(true) || holdsPolygonRing, allInside && !holdsPolygonRing)
    }
}
