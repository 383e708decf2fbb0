internal import CGEOS

/// A sort-tile-recursive R-tree (GEOS `GEOSSTRtree`) over the envelopes of many items, answering
/// "which items' envelopes meet this rectangle" and "which item is nearest".
///
/// Items are identified by their position (0-based) in the list the index was built from. The tree is
/// built completely in `init`, after which GEOS only reads it; so one index may be queried from many
/// threads at once. Query results come back in ascending item order, so they do not depend on the
/// tree's internal layout.
///
/// ```swift
/// let index = try SpatialIndex(geometries: zones)
/// for i in try index.query(intersecting: footprint) where try prepared[i].intersects(footprint) { … }
/// ```
public final class SpatialIndex: @unchecked Sendable {
    // @unchecked: the tree is built in init (the first query builds it) and never written again.
    private let tree: OpaquePointer
    private let envelopes: [Envelope?]
    private let geometries: [Geometry]?

    /// The number of items the index was built from (empty items included).
    public var count: Int { envelopes.count }

    /// Builds the index over rectangles; a nil envelope (an empty item) is never returned by a query.
    public init(envelopes: [Envelope?], nodeCapacity: Int = 10) throws {
        guard nodeCapacity >= 2 else { throw GeoError.invalidArgument("STRtree node capacity must be at least 2, not \(nodeCapacity)") }
        self.envelopes = envelopes
        self.geometries = nil
        self.tree = try SpatialIndex.build(envelopes, nodeCapacity: nodeCapacity)
    }

    /// Builds the index over the envelopes of geometries, kept for `nearest(to:)`. Empty geometries are never returned.
    public init(geometries: [Geometry], nodeCapacity: Int = 10) throws {
        guard nodeCapacity >= 2 else { throw GeoError.invalidArgument("STRtree node capacity must be at least 2, not \(nodeCapacity)") }
        let envelopes = geometries.map(\.envelope)
        self.envelopes = envelopes
        self.geometries = geometries
        self.tree = try SpatialIndex.build(envelopes, nodeCapacity: nodeCapacity)
    }

    private static func build(_ envelopes: [Envelope?], nodeCapacity: Int) throws -> OpaquePointer {
        let context = GEOSContext.current
        context.clearMessage()
        guard let tree = GEOSSTRtree_create_r(context.handle, nodeCapacity) else { throw context.error("STRtree create") }
        do {
            for (index, envelope) in envelopes.enumerated() {
                guard let envelope else { continue }
                // GEOS copies the envelope, so the rectangle may go once the insert returns (not before).
                try withRectangle(envelope, context) { GEOSSTRtree_insert_r(context.handle, tree, $0, SpatialIndex.item(index)) }
            }
            // GEOS 3.11 has no GEOSSTRtree_build: the first query builds the tree, so make it here, on one thread.
            let probe = try Geometry.point(0, 0)
            withExtendedLifetime(probe) { GEOSSTRtree_query_r(context.handle, tree, probe.handle, { _, _ in }, nil) }
        } catch {
            GEOSSTRtree_destroy_r(context.handle, tree)
            throw error
        }
        return tree
    }

    deinit {
        GEOSSTRtree_destroy_r(GEOSContext.current.handle, tree)
    }

    // Items are stored as small integers disguised as pointers: index + 2 (never NULL, and 1 is the query sentinel).
    private static func item(_ index: Int) -> UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(bitPattern: index + 2)
    }

    private static func index(_ item: UnsafeRawPointer?) -> Int {
        Int(bitPattern: item) - 2
    }

    /// The items whose envelopes intersect `envelope`, ascending.
    public func query(_ envelope: Envelope) throws -> [Int] {
        let context = GEOSContext.current
        context.clearMessage()
        return try Self.withRectangle(envelope, context) { query(geometryHandle: $0) }
    }

    /// A GEOS rectangle for `envelope` for the duration of `body` (only its envelope matters to the tree; GEOS makes a
    /// point or line for a degenerate one).
    private static func withRectangle<R>(_ envelope: Envelope, _ context: GEOSContext, _ body: (OpaquePointer) -> R) throws -> R {
        guard let box = GEOSGeom_createRectangle_r(context.handle, envelope.minX, envelope.minY, envelope.maxX, envelope.maxY) else {
            throw context.error("createRectangle")
        }
        defer { GEOSGeom_destroy_r(context.handle, box) }
        return body(box)
    }

    /// The items whose envelopes intersect the envelope of `geometry`, ascending. An empty geometry finds nothing.
    public func query(intersecting geometry: Geometry) throws -> [Int] {
        guard !geometry.isEmpty else { return [] }
        return query(geometryHandle: geometry.handle)
    }

    private func query(geometryHandle: OpaquePointer) -> [Int] {
        let context = GEOSContext.current
        var found: [Int] = []
        withUnsafeMutablePointer(to: &found) { pointer in
            GEOSSTRtree_query_r(
                context.handle, tree, geometryHandle,
                { item, userdata in
                    guard let userdata else { return }
                    userdata.assumingMemoryBound(to: [Int].self).pointee.append(SpatialIndex.index(item))
                }, pointer)
        }
        found.sort()
        return found
    }

    /// The item nearest to `geometry` by `distance(item)`, which must never be less than the planar distance between
    /// the envelopes (true for any planar distance in the same coordinates). Nil when the index is empty.
    public func nearest(to geometry: Geometry, distance: (Int) throws -> Double) throws -> Int? {
        guard !geometry.isEmpty, envelopes.contains(where: { $0 != nil }) else { return nil }
        let context = GEOSContext.current
        final class Search {
            let measure: (Int) throws -> Double
            var failure: (any Error)?
            init(_ measure: @escaping (Int) throws -> Double) { self.measure = measure }
        }
        return try withoutActuallyEscaping(distance) { distance in
            let search = Search(distance)
            context.clearMessage()
            let result = withExtendedLifetime(search) {
                GEOSSTRtree_nearest_generic_r(
                    context.handle, tree, UnsafeRawPointer(bitPattern: 1), geometry.handle,
                    { first, second, out, userdata in
                        guard let userdata, let out else { return 0 }
                        let search = Unmanaged<Search>.fromOpaque(userdata).takeUnretainedValue()
                        // One side is the query sentinel (1); the other is a tree item.
                        let item = Int(bitPattern: first) == 1 ? second : first
                        do {
                            out.pointee = try search.measure(SpatialIndex.index(item))
                            return 1
                        } catch {
                            search.failure = error
                            return 0
                        }
                    },
                    Unmanaged.passUnretained(search).toOpaque())
            }
            if let failure = search.failure { throw failure }
            guard let result else { throw context.error("STRtree nearest") }
            return SpatialIndex.index(result)
        }
    }

    /// The item nearest to `geometry` by planar distance between the geometries the index was built from.
    public func nearest(to geometry: Geometry) throws -> Int? {
        guard let geometries else {
            throw GeoError.invalidArgument("this index was built from envelopes; pass a distance function to nearest(to:distance:)")
        }
        return try nearest(to: geometry) { try geometries[$0].planarDistance(to: geometry) }
    }
}
