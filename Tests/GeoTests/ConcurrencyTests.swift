import Testing

@testable import Geo

@Suite("Many threads at once")
struct ConcurrencyTests {
    /// One unit of mixed work: overlay, geodesic area, transformation, prepared predicates, index query.
    static func work(zones: [Geometry], index: SpatialIndex, seed: UInt64) throws -> [Double] {
        var random = SeededRandom(seed: seed)
        let toPlane = try CoordinateTransform(from: .cgcs2000, to: .epsg(4548))
        var results: [Double] = []
        for _ in 0..<40 {
            let x = Double.random(in: 117.0...117.9, using: &random), y = Double.random(in: 39.6...40.2, using: &random)
            let footprint = try Geometry(.polygon([squareRing(x, y, side: 0.02)]))
            var total = 0.0
            for i in try index.query(intersecting: footprint) {
                let prepared = try PreparedGeometry(zones[i])
                if try prepared.intersects(footprint) {
                    total += try zones[i].intersection(footprint).geodesicArea()
                }
            }
            results.append(total)
            results.append(try toPlane.transform(footprint).planarArea())
            results.append(try footprint.buffer(meters: 100).geodesicArea())
        }
        return results
    }

    static func zone(_ i: Int) throws -> Geometry {
        let centre = Coordinate(117.0 + Double(i % 10) * 0.09, 39.6 + Double(i / 10) * 0.1)
        return try Geometry(.point(centre)).buffer(meters: 3000)
    }

    @Test("the same work from 8 concurrent tasks gives the same answers as on one thread")
    func sameAnswers() async throws {
        let zones = try (0..<60).map(Self.zone)
        let index = try SpatialIndex(geometries: zones)
        let expected = try (0..<8).map { try Self.work(zones: zones, index: index, seed: UInt64($0)) }
        let concurrent = try await withThrowingTaskGroup(of: (Int, [Double]).self) { group in
            for task in 0..<8 {
                group.addTask { (task, try Self.work(zones: zones, index: index, seed: UInt64(task))) }
            }
            var results = [[Double]](repeating: [], count: 8)
            for try await (task, values) in group { results[task] = values }
            return results
        }
        #expect(concurrent == expected)
        #expect(expected.flatMap { $0 }.contains { $0 > 0 })
    }
}
