import Foundation
import Geo
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
        #expect(String(data: gbk, encoding: .utf8) == nil) // really not UTF-8
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
        #expect(throws: ScreeningError.self) { try BoundaryPointFile.read(Array("[地块坐标]\n".utf8), file: "h.txt") }
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
