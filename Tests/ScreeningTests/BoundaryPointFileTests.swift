import Foundation
import Geo
import GeoFormats
import ScreeningTestSupport
import Testing

@testable import Screening

@Suite("界址点 boundary-point coordinate files")
struct BoundaryPointFileTests {
    // Corners of [117.40, 117.41] × [40.00, 40.01] in EPSG:4527 (CGCS2000 3-degree GK zone 39, zone prefix), from
    // printf "40.00 117.40\n40.00 117.41\n40.01 117.41\n40.01 117.40\n" | cs2cs -d 4 EPSG:4490 EPSG:4527
    static let text = """
        [属性描述]
        格式版本号=1.01版本
        坐标系=2000国家大地坐标系
        几度分带=3
        投影类型=高斯克吕格
        计量单位=米
        带号=39
        精度=0.0001
        转换参数=,,,,,,
        [地块坐标]
        5,8.9,DK-01,于桥水库北岸地块,面,,农用地,0101,@
        J1,1,4429605.6721,39534157.5916
        J2,1,4429609.5521,39535011.5339
        J3,1,4430719.9044,39535006.4260
        J4,1,4430716.0241,39534152.6083
        J1,1,4429605.6721,39534157.5916
        """

    @Test("a file written from cs2cs coordinates reads back to the lon/lat corners")
    func readsCs2csCoordinates() throws {
        let (header, parcels) = try BoundaryPointFile.read(Array(Self.text.utf8), file: "dk.txt")
        #expect(header.crs == .epsg(4527))
        let parcel = try #require(parcels.first)
        #expect(parcel.number == "DK-01")
        #expect(parcel.name == "于桥水库北岸地块")
        guard case let .polygon(rings) = parcel.geometry.shape else { Issue.record("not a polygon"); return }
        let expected = [Coordinate(117.40, 40.00), Coordinate(117.41, 40.00), Coordinate(117.41, 40.01), Coordinate(117.40, 40.01), Coordinate(117.40, 40.00)]
        for (got, want) in zip(rings[0], expected) {
            #expect(abs(got.x - want.x) < 1e-8 && abs(got.y - want.y) < 1e-8, "\(got) vs \(want)")
        }
    }

    @Test("the same file in GB18030 (GBK) reads the same, Chinese names included")
    func gbk() throws {
        // Encoded by the system's iconv (glibc), independent of the decoder under test.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(Self.text.utf8))
        try input.fileHandleForWriting.close()
        let gbk = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(String(data: gbk, encoding: .utf8) == nil)  // really not UTF-8
        let (_, parcels) = try BoundaryPointFile.read(Array(gbk), file: "dk-gbk.txt")
        #expect(parcels.first?.name == "于桥水库北岸地块")
    }

    @Test("malformed files are refused with the line; Xi'an 1980 without usable parameters is refused, not guessed")
    func refusals() {
        let broken = Self.text.replacingOccurrences(of: "J3,1,4430719.9044,39535006.4260", with: "J3,1,4430719.9044")
        #expect { try BoundaryPointFile.read(Array(broken.utf8), file: "b.txt") } throws: { "\($0)".contains("line 14") && "\($0)".contains("J<n>") }
        let xian = Self.text.replacingOccurrences(of: "坐标系=2000国家大地坐标系", with: "坐标系=1980西安坐标系")
        #expect { try BoundaryPointFile.read(Array(xian.utf8), file: "x.txt") } throws: { "\($0)".contains("转换参数") }
        let zone = Self.text.replacingOccurrences(of: "带号=39", with: "带号=12")
        #expect { try BoundaryPointFile.read(Array(zone.utf8), file: "z.txt") } throws: { "\($0)".contains("25–45") }
        #expect(throws: GeoJSONError.self) { try BoundaryPointFile.read(Array("[地块坐标]\n".utf8), file: "h.txt") }
    }

    @Test("written and read back, a footprint keeps its shape to the millimetre")
    func roundTrip() throws {
        let polygon = try Geometry(.polygon([rectangle(117.40, 40.00, 117.41, 40.01)]))
        let text = try BoundaryPointFile.write([("P-1", "地块", polygon)])
        let (_, parcels) = try BoundaryPointFile.read(Array(text.utf8), file: "w.txt")
        let back = try #require(parcels.first?.geometry)
        #expect(abs(try back.geodesicArea() - (try polygon.geodesicArea())) < 0.5)
        #expect(try back.isExactlyEqual(to: polygon, tolerance: 1e-7))
    }
}

@Suite("Xi'an 1980 and Beijing 1954 with 转换参数")
struct OldDatumTests {
    /// A 界址点 file in an old datum whose coordinates are the CGCS2000 corners of [117.40, 117.41] × [40.00, 40.01]
    /// taken through the header's CRS backwards.
    static func file(system: String, parameters: String) throws -> (String, [Coordinate]) {
        let header = """
            [属性描述]
            坐标系=\(system)
            几度分带=3
            投影类型=高斯克吕格
            计量单位=米
            带号=39
            转换参数=\(parameters)
            [地块坐标]
            """
        // Read a probe parcel to get the header's CRS, then take the corners back into it.
        let probe = header + "\n5,1,P,地块,面,,,,@\nJ1,1,4429605,39534157\nJ2,1,4429609,39535011\nJ3,1,4430719,39535006\nJ1,1,4429605,39534157\n"
        let crs = try BoundaryPointFile.read(Array(probe.utf8), file: "probe.txt").header.crs
        let toOld = try CoordinateTransform(from: .cgcs2000, to: crs)
        let corners = [Coordinate(117.40, 40.00), Coordinate(117.41, 40.00), Coordinate(117.41, 40.01), Coordinate(117.40, 40.01)]
        var lines = [header, "5,8.9,DK-XA,西安80地块,面,,,,@"]
        for (i, c) in (corners + [corners[0]]).enumerated() {
            let old = try toOld.transform(c)
            lines.append("J\(i == 4 ? 1 : i + 1),1,\(String(format: "%.4f", old.y)),\(String(format: "%.4f", old.x))")
        }
        return (lines.joined(separator: "\n"), corners)
    }

    @Test("coordinates in Xi'an 1980 and Beijing 1954 with seven parameters come back to the CGCS2000 corners")
    func roundTrip() throws {
        for system in ["1980西安坐标系", "1954北京坐标系"] {
            let (text, corners) = try Self.file(system: system, parameters: "-100.5,50.2,80.3,0.5,-0.3,1.2,2.5")
            let (header, parcels) = try BoundaryPointFile.read(Array(text.utf8), file: "old.txt")
            #expect(header.crs.hasTOWGS84)
            guard case let .polygon(rings)? = parcels.first?.geometry.shape else { Issue.record("no polygon"); continue }
            for (got, want) in zip(rings[0], corners) {
                // Back within 5e-8° (about 4 mm; measured 1.7e-8°, the rounding of the Helmert and geocentric inverses in PROJ).
                #expect(abs(got.x - want.x) < 5e-8 && abs(got.y - want.y) < 5e-8, "\(system): \(got) vs \(want)")
            }
        }
    }

    @Test("the parameters are applied: a 100 m shift of the datum moves the parcel by roughly that much on the ground")
    func parametersMatter() throws {
        let (text, _) = try Self.file(system: "1980西安坐标系", parameters: "0.001,0,0,0,0,0,0")
        let shifted = text.replacingOccurrences(of: "转换参数=0.001,0,0,0,0,0,0", with: "转换参数=100,0,0,0,0,0,0")
        let a = try #require(try BoundaryPointFile.read(Array(text.utf8), file: "a.txt").parcels.first?.geometry.centroid())
        let b = try #require(try BoundaryPointFile.read(Array(shifted.utf8), file: "b.txt").parcels.first?.geometry.centroid())
        let moved = try a.distance(meters: b)
        // ΔX = 100 m along the geocentric X axis: at 117°E, 40°N its horizontal part is about 100·sqrt(sin²117° + sin²40° cos²117°) ≈ 93 m.
        #expect(moved > 80 && moved < 100, "moved \(moved) m")
    }
}

@Suite("Old datums given with --crs")
struct OldDatumCRSTests {
    static let point = #"{"type":"Feature","properties":{"category":"IG"},"geometry":{"type":"Point","coordinates":[39534157.59,4429605.67]}}"#

    @Test("an EPSG Xi'an 1980 CRS without parameters is refused; with +towgs84 it agrees with cs2cs and the 界址点 header of the same parameters")
    func towgs84() throws {
        let collection = try GeoJSON.read(Self.point)
        guard case let .failure(error)? = Submission.read(collection, file: "x.geojson", crs: .epsg(2363)).first?.result else {
            Issue.record("EPSG:2363 should be refused without parameters"); return
        }
        #expect("\(error)".contains("+towgs84"))
        let parameters = "-100.5,50.2,80.3,0.5,-0.3,1.2,2.5"
        let crs = CRS("+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +a=6378140 +rf=298.257 +towgs84=\(parameters) +units=m +no_defs")
        let viaCRS = try #require(try Submission.read(collection, file: "x.geojson", crs: crs).first?.result.get().project.footprint.pointCoordinate)
        let text =
            "[属性描述]\n坐标系=1980西安坐标系\n几度分带=3\n带号=39\n转换参数=\(parameters)\n[地块坐标]\n4,1,P,p,面,,,,@\nJ1,1,4429605.67,39534157.59\nJ2,1,4429605.67,39534257.59\nJ3,1,4429705.67,39534257.59\nJ1,1,4429605.67,39534157.59\n"
        let (_, parcels) = try BoundaryPointFile.read(Array(text.utf8), file: "x.txt")
        guard case let .polygon(rings)? = parcels.first?.geometry.shape else { Issue.record("no parcel"); return }
        // The 界址点 header and --crs with the same parameters are the same CRS; they meet within 1e-7° (~1 cm).
        #expect(abs(rings[0][0].x - viaCRS.x) < 1e-7 && abs(rings[0][0].y - viaCRS.y) < 1e-7, "\(rings[0][0]) vs \(viaCRS)")
        // cs2cs (PROJ 9.1) from the same +towgs84 string to "+proj=longlat +ellps=GRS80 +towgs84=0,0,0" prints 117.401222266 40.000093966.
        #expect(abs(viaCRS.x - 117.401222266) < 1e-8 && abs(viaCRS.y - 40.000093966) < 1e-8, "\(viaCRS)")
        #expect(abs(rings[0][0].x - 117.401222266) < 1e-8 && abs(rings[0][0].y - 40.000093966) < 1e-8, "\(rings[0][0])")
    }
}
