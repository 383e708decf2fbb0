/// Many polygons cut into small pieces, for asking of a small geometry which polygons it meets, which cover it, and
/// how much of a line or polygon lies inside one, without handing whole polygons of millions of vertices to GEOS.
///
/// Each polygon is cut (`Geometry.subdivisionCells`) into pieces of at most `pieceVertices` vertices, each equal to
/// the polygon inside its cut rectangle, indexed by one STRtree; bigger polygons also keep coarser cells (at most
/// 4,096 and 1,024 vertices) as clip sources. The pieces' rings are held as flat linework.
///
/// **Soundness.** "Meets" and "covers" are decided per piece by `PlanarRelation` on the flat linework when the
/// boundaries stay `PlanarRelation.clearance` (1e-9°) apart or a crossing is certain despite rounding, and by GEOS's
/// prepared predicates otherwise: the answers are GEOS's. A polygon meets the geometry when a piece does, and covers
/// it when one piece does (a piece is the polygon inside its rectangle). A line's length inside a polygon is summed over
/// runs cut at the line's own vertices: runs wholly inside or outside count whole or not at all; a crossing run is cut
/// where it crosses the pieces' rings (`PlanarLinework.crossings`, in degrees, planar as GEOS's overlay is), or, when a
/// crossing or a stretch lies too close to call, intersected by GEOS with the polygon clipped to the run's window.
/// Areas and lengths are geodesic; every planar predicate here holds in lon/lat degrees only, which is what the
/// margins (`clipMargin`) and the clearance are expressed in.
public final class PolygonPieces: Sendable {
    /// Most vertices a piece has.
    public static let pieceVertices = 256
    /// Polygons above twice these vertex counts also keep cells of that size as clip sources.
    static let coarseCellVertices = [4096, 1024]
    /// Segments per run of a piece's rings.
    static let pieceRunSegments = 32
    /// Degrees added around a geometry's envelope to make the window a polygon is clipped to: keeps the clip
    /// rectangle's edges off the geometry.
    public static let clipMargin = 1e-6
    /// A crossing run whose only clip source has more vertices than this is measured again in runs of
    /// `shortRunSegments` segments, whose windows fit finer pieces.
    static let splitAboveVertices = 4 * pieceVertices
    static let shortRunSegments = 4
    /// A line this close to wholly inside (relative) counts as inside: the runs' lengths are summed in floating point.
    static let wholeLengthTolerance = 1e-12

    /// The polygons (nil: not indexed).
    let polygons: [Geometry?]
    /// Piece i belongs to polygon owner[i] and equals it inside rectangle[i].
    let pieces: [Geometry]
    let owner: [Int]
    let rectangle: [Envelope]
    let coarse: [Int: SubdivisionCells]
    let index: SpatialIndex
    /// The pieces' rings as flat linework in degrees: piece i is runs runs[i]; its rings start at starts[i].
    let linework: PlanarLinework
    let runs: [Range<Int>]
    let starts: [Range<Int>]

    /// Cuts and indexes the polygons, on all cores; nil entries are left out (and never met).
    public init(polygons: [Geometry?]) throws {
        self.polygons = polygons
        struct Cells: Sendable {
            var levels: [[(rectangle: Envelope, piece: Geometry)]] = [[]]
            var coarse: SubdivisionCells?
            var linework = PlanarLinework()
            var runs: [Range<Int>] = [], starts: [Range<Int>] = []
        }
        let perPolygon = try parallelMap(polygons.count) { index -> Cells in
            var cells = Cells()
            guard let geometry = polygons[index] else { return cells }
            let levels = PolygonPieces.coarseCellVertices.filter { geometry.numberOfPoints > 2 * $0 } + [PolygonPieces.pieceVertices]
            cells.levels = try geometry.subdivisionCells(levels: levels)
            if cells.levels.count > 1 { cells.coarse = try SubdivisionCells(levels: Array(cells.levels.dropLast())) }
            for piece in cells.levels.last ?? [] {
                let (firstRun, firstStart) = (cells.linework.runs.count, cells.linework.starts.count)
                cells.linework.appendBoundary(of: piece.piece.shape, maxSegments: PolygonPieces.pieceRunSegments)
                cells.runs.append(firstRun..<cells.linework.runs.count)
                cells.starts.append(firstStart..<cells.linework.starts.count)
            }
            return cells
        }
        var pieces: [Geometry] = [], owner: [Int] = [], rectangles: [Envelope] = []
        var coarse: [Int: SubdivisionCells] = [:]
        var linework = PlanarLinework()
        var runs: [Range<Int>] = [], starts: [Range<Int>] = []
        for (polygon, cells) in perPolygon.enumerated() {
            let finest = cells.levels.last ?? []
            pieces += finest.map(\.piece)
            rectangles += finest.map(\.rectangle)
            owner += Array(repeating: polygon, count: finest.count)
            if let cells = cells.coarse { coarse[polygon] = cells }
            let (runOffset, startOffset) = (linework.runs.count, linework.starts.count)
            linework.append(contentsOf: cells.linework)
            runs += cells.runs.map { ($0.lowerBound + runOffset)..<($0.upperBound + runOffset) }
            starts += cells.starts.map { ($0.lowerBound + startOffset)..<($0.upperBound + startOffset) }
        }
        self.pieces = pieces
        self.owner = owner
        rectangle = rectangles
        self.coarse = coarse
        index = try SpatialIndex(geometries: pieces)
        self.linework = linework
        self.runs = runs
        self.starts = starts
    }

    /// The polygons whose pieces meet `geometry`, in polygon order, each with whether one piece (so the polygon) covers it.
    /// `covered` is a shortcut, not a predicate: a geometry inside the polygon but spanning two pieces gives false, and
    /// its overlap is then measured.
    public func polygonsMeeting(_ geometry: LaidOutGeometry) throws -> [(polygon: Int, covered: Bool)] {
        var result: [Int: Bool] = [:]
        var prepared: PreparedGeometry?
        for piece in try index.query(intersecting: geometry.geometry) {
            let polygon = owner[piece]
            if result[polygon] == true { continue }
            let (meets, covered) = try relate(geometry.geometry, linework: geometry.flat, piece: piece, prepared: &prepared)
            guard meets else { continue }
            result[polygon] = (result[polygon] ?? false) || covered
        }
        return result.keys.sorted().map { ($0, result[$0] ?? false) }
    }

    /// Polygon `polygon` clipped to a window around `envelope` (`clipMargin` wider): the same point set there, taken
    /// from the smallest piece or cell that holds the window.
    public func clippedPolygon(_ polygon: Int, around envelope: Envelope) throws -> Geometry? {
        guard let whole = polygons[polygon] else { return nil }
        let window = PolygonPieces.window(around: envelope)
        return try (clipSource(polygon: polygon, window: window) ?? whole).clipped(to: window)
    }

    /// The length in metres (geodesic) of line `line` inside polygon `polygon`, with the parts inside.
    public func lengthInside(of line: LaidOutGeometry, polygon: Int) throws -> (length: Double, parts: [[Coordinate]]) {
        var inside = 0.0
        var parts: [[Coordinate]] = []
        let polygonEnvelope = polygons[polygon]?.envelope
        func measure(_ run: LaidOutGeometry.LineRun, splitting: Bool) throws {
            guard let e = run.geometry.envelope, let polygonEnvelope, e.intersects(polygonEnvelope) else { return }
            switch try placement(of: run.geometry, linework: run.flat, polygon: polygon) {
            case .outside:
                return
            case .inside:
                inside += try run.length ?? Geodesic.cgcs2000.length(of: run.coordinates)
                parts.append(run.coordinates)
            case .crossing:
                if let stretches = try insideStretches(of: run.coordinates, polygon: polygon) {
                    for stretch in stretches { inside += try Geodesic.cgcs2000.length(of: stretch) }
                    parts += stretches
                    return
                }
                let window = PolygonPieces.window(around: e)
                guard let source = try clipSource(polygon: polygon, window: window) else { return }
                if splitting, source.numberOfPoints > PolygonPieces.splitAboveVertices, run.coordinates.count > PolygonPieces.shortRunSegments + 1 {
                    var start = 0
                    while start < run.coordinates.count - 1 {
                        let end = min(start + PolygonPieces.shortRunSegments, run.coordinates.count - 1)
                        try measure(LaidOutGeometry.LineRun(Array(run.coordinates[start...end]), measured: false), splitting: false)
                        start = end
                    }
                    return
                }
                let part = try run.geometry.intersection(source.clipped(to: window)).extracting(dimension: 1)
                guard !part.isEmpty else { return }
                inside += try part.geodesicLength()
                switch part.shape {
                case let .multiLineString(lines): parts += lines
                case let .lineString(single): parts.append(single)
                default: break
                }
            }
        }
        for run in line.runs { try measure(run, splitting: true) }
        return (inside, parts)
    }

    /// Whether `inside` metres of a line of `length` metres is all of it, to the rounding of the runs' sum.
    public static func isWhole(_ inside: Double, of length: Double) -> Bool {
        inside >= length * (1 - wholeLengthTolerance)
    }

    static func window(around e: Envelope) -> Envelope {
        e.expanded(by: clipMargin)
    }

    /// The smallest geometry equal to polygon `polygon` inside `window`: the piece whose cut rectangle holds the window
    /// (found among the pieces near it), else a coarse cell that holds it, else the whole polygon; nil when no piece of
    /// the polygon comes near the window (nothing of it is there).
    func clipSource(polygon: Int, window: Envelope) throws -> Geometry? {
        var near = false
        for piece in try index.query(window) where owner[piece] == polygon {
            near = true
            if rectangle[piece].contains(window) { return pieces[piece] }
        }
        guard near else { return nil }
        return try coarse[polygon]?.piece(holding: window) ?? polygons[polygon]
    }

    /// How a small part of a geometry lies against polygon `polygon`, judged on the polygon's pieces near it.
    enum Placement { case outside, inside, crossing }

    func placement(of part: Geometry, linework partLinework: PlanarLinework, polygon: Int) throws -> Placement {
        var meets = false
        var prepared: PreparedGeometry?
        for piece in try index.query(intersecting: part) where owner[piece] == polygon {
            let (intersects, covered) = try relate(part, linework: partLinework, piece: piece, prepared: &prepared)
            if covered { return .inside }
            meets = meets || intersects
        }
        return meets ? .crossing : .outside
    }

    /// The stretches of a polyline inside polygon `polygon`, cut where it crosses the polygon's boundary (found on the
    /// flat piece linework, in degrees, as GEOS would: planar). Nil when a crossing or a stretch lies too close to the
    /// boundary to call; then GEOS's overlay decides.
    func insideStretches(of line: [Coordinate], polygon: Int) throws -> [[Coordinate]]? {
        guard line.count >= 2, let first = line.first else { return nil }
        var e = Envelope(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        for c in line { e = e.union(Envelope(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y)) }
        let near = try index.query(e).filter { owner[$0] == polygon }
        // Inside the polygon means inside the piece whose rectangle holds the point (the pieces are the polygon cut to them).
        func inside(_ m: Coordinate) -> Bool? {
            var holders = 0
            for piece in near {
                let r = rectangle[piece]
                guard r.minX <= m.x, m.x <= r.maxX, r.minY <= m.y, m.y <= r.maxY else { continue }
                holders += 1
                if let answer = linework.clearlyEncloses(m, runs: runs[piece]) { return answer }
            }
            return holders == 0 ? false : nil
        }
        var stretches: [[Coordinate]] = []
        var current: [Coordinate] = []
        var cuts: [Double] = []
        for i in 0..<(line.count - 1) {
            let a = line[i], b = line[i + 1]
            func at(_ t: Double) -> Coordinate { t == 0 ? a : t == 1 ? b : Coordinate(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)) }
            cuts.removeAll(keepingCapacity: true)
            cuts.append(0)
            for piece in near {
                guard linework.crossings(of: a, b, runs: runs[piece], into: &cuts) else { return nil }
            }
            cuts.append(1)
            cuts.sort()
            for j in 0..<(cuts.count - 1) where cuts[j + 1] > cuts[j] {
                guard let isInside = inside(at((cuts[j] + cuts[j + 1]) / 2)) else { return nil }
                if isInside {
                    if current.isEmpty { current = [at(cuts[j])] }
                    current.append(at(cuts[j + 1]))
                } else if !current.isEmpty {
                    stretches.append(current)
                    current = []
                }
            }
        }
        if !current.isEmpty { stretches.append(current) }
        return stretches
    }

    /// Whether `geometry` meets piece `piece` and whether the piece covers it: from the flat linework when clear, else
    /// from GEOS (`prepared` is the geometry prepared on first need).
    private func relate(
        _ geometry: Geometry, linework geometryLinework: PlanarLinework, piece: Int,
        prepared: inout PreparedGeometry?
    ) throws -> (intersects: Bool, covered: Bool) {
        let polygonal = geometry.kind.isPolygonal
        if let clear = PlanarRelation.relate(
            geometryLinework, isPolygonal: polygonal, to: linework, runs: runs[piece],
            starts: linework.starts[starts[piece]])
        {
            return clear
        }
        let mine = try prepared ?? PreparedGeometry(geometry)
        prepared = mine
        guard try mine.intersects(pieces[piece]) else { return (false, false) }
        guard !geometry.kind.isPuntal, let e = geometry.envelope, let p = pieces[piece].envelope, p.contains(e) else { return (true, false) }
        return (true, try PreparedGeometry(pieces[piece]).covers(geometry))
    }
}
