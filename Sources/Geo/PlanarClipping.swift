/// Where a segment crosses polygon rings, and on which side of them a point lies, from flat linework: the pieces a
/// line is cut into at a zone's boundary, without a GEOS overlay. Every answer is either certain despite rounding or
/// "cannot tell" (false or nil), and then the caller asks GEOS.
extension PlanarLinework {
    /// Appends to `parameters` the positions t ∈ (0, 1) along segment a→b where it crosses the segments of runs
    /// `indices`, and returns true. False when some crossing is too close to call: the segment passes within
    /// `PlanarRelation.clearance` of a ring vertex, runs along a ring, or a ring passes within that distance of a or b.
    func crossings(of a: Coordinate, _ b: Coordinate, runs indices: Range<Int>, into parameters: inout [Double]) -> Bool {
        let clearance = PlanarRelation.clearance
        let box = Envelope(
            minX: min(a.x, b.x) - clearance, minY: min(a.y, b.y) - clearance,
            maxX: max(a.x, b.x) + clearance, maxY: max(a.y, b.y) + clearance)
        let dx = b.x - a.x, dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > clearance else { return false }
        return points.withUnsafeBufferPointer { points -> Bool in
            for run in runs[indices] where run.envelope.intersects(box) {
                for i in run.start..<(run.end - 1) {
                    let u = points[i], v = points[i + 1]
                    guard max(u.x, v.x) >= box.minX, min(u.x, v.x) <= box.maxX, max(u.y, v.y) >= box.minY, min(u.y, v.y) <= box.maxY else { continue }
                    // Ring vertices near the segment, or the segment's ends near the ring: too close to call.
                    if PlanarLinework.pointToSegment(u, a, b) <= clearance || PlanarLinework.pointToSegment(a, u, v) <= clearance
                        || PlanarLinework.pointToSegment(b, u, v) <= clearance
                    {
                        return false
                    }
                    let ex = v.x - u.x, ey = v.y - u.y
                    let denominator = dx * ey - dy * ex
                    let ux = u.x - a.x, uy = u.y - a.y
                    let t = (ux * ey - uy * ex) / denominator
                    let s = (ux * dy - uy * dx) / denominator
                    // Both ends of the ring segment are clear of a→b (checked above for u; v is the next segment's u or
                    // the ring's closing vertex), so a crossing, if any, is proper and well inside both segments.
                    if denominator != 0, t > 0, t < 1, s > 0, s < 1 { parameters.append(t) }
                }
            }
            return true
        }
    }

    /// Whether some segment of runs `indices` comes within `distance` of `p`.
    func isWithin(_ distance: Double, of p: Coordinate, runs indices: Range<Int>) -> Bool {
        let box = Envelope(minX: p.x - distance, minY: p.y - distance, maxX: p.x + distance, maxY: p.y + distance)
        for run in runs[indices] where run.envelope.intersects(box) {
            for i in run.start..<max(run.start + 1, run.end - 1) {
                let d = run.end - run.start == 1 ? PlanarLinework.distance(p, points[i]) : PlanarLinework.pointToSegment(p, points[i], points[i + 1])
                if d <= distance { return true }
            }
        }
        return false
    }

    /// Whether `p` lies inside the rings of runs `indices` (even–odd rule); nil when `p` is within
    /// `PlanarRelation.clearance` of them.
    func clearlyEncloses(_ p: Coordinate, runs indices: Range<Int>) -> Bool? {
        guard !isWithin(PlanarRelation.clearance, of: p, runs: indices) else { return nil }
        return encloses(p, runs: indices)
    }
}
