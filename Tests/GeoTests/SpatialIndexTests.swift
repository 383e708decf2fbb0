import Testing

@testable import Geo

@Suite("STRtree spatial index")
struct SpatialIndexTests {
    /// 3,000 random boxes in [0, 1000]², 0.1–20 units wide.
    func randomBoxes(seed: UInt64, count: Int) -> [Envelope] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            let x = Double.random(in: 0...1000, using: &random), y = Double.random(in: 0...1000, using: &random)
            return Envelope(minX: x, minY: y, maxX: x + .random(in: 0.1...20, using: &random), maxY: y + .random(in: 0.1...20, using: &random))
        }
    }

    @Test("envelope queries return exactly what brute force finds, in ascending order")
    func queriesEqualBruteForce() throws {
        let boxes = randomBoxes(seed: 7, count: 3000)
        let index = try SpatialIndex(envelopes: boxes)
        #expect(index.count == 3000)
        var random = SeededRandom(seed: 11)
        var nonEmpty = 0
        for _ in 0..<300 {
            let x = Double.random(in: -50...1000, using: &random), y = Double.random(in: -50...1000, using: &random)
            let query = Envelope(minX: x, minY: y, maxX: x + .random(in: 0...80, using: &random), maxY: y + .random(in: 0...80, using: &random))
            let expected = boxes.indices.filter { boxes[$0].intersects(query) }
            let found = try index.query(query)
            #expect(found == expected)
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 100)  // the test really exercises hits, not only misses
    }

    @Test("geometry queries and nearest agree with brute force")
    func geometriesAndNearest() throws {
        let boxes = randomBoxes(seed: 3, count: 2000)
        let geometries = try boxes.map { try Geometry.rectangle($0) }
        let index = try SpatialIndex(geometries: geometries)
        var random = SeededRandom(seed: 5)
        for _ in 0..<100 {
            let probe = try Geometry.point(.random(in: 0...1000, using: &random), .random(in: 0...1000, using: &random))
            let nearest = try #require(try index.nearest(to: probe))
            let best = try geometries.map { try $0.planarDistance(to: probe) }.min() ?? .infinity
            #expect(try geometries[nearest].planarDistance(to: probe) == best)
            let start = try #require(probe.pointCoordinate)
            let line = try Geometry(.lineString([start, Coordinate(500, 500)]))
            let lineEnvelope = try #require(line.envelope)
            let expected = geometries.indices.filter { geometries[$0].envelope?.intersects(lineEnvelope) == true }
            #expect(try index.query(intersecting: line) == expected)
        }
    }

    @Test("empty items are never returned and an empty index finds nothing")
    func empties() throws {
        let index = try SpatialIndex(envelopes: [nil, Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1), nil])
        #expect(try index.query(Envelope(minX: -10, minY: -10, maxX: 10, maxY: 10)) == [1])
        let none = try SpatialIndex(envelopes: [])
        #expect(try none.query(Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)).isEmpty)
        #expect(try none.nearest(to: Geometry.point(0, 0)) { _ in 0 } == nil)
    }

    @Test("an error thrown by the distance function reaches the caller")
    func distanceErrors() throws {
        struct Boom: Error {}
        let index = try SpatialIndex(envelopes: [Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)])
        #expect(throws: Boom.self) { try index.nearest(to: Geometry.point(5, 5)) { _ in throw Boom() } }
    }
}
