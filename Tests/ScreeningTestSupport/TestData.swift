import Foundation
import Geo
import Screening

/// Test data shared by the Screening and Reports tests (a target of its own: test targets cannot depend on each other).

/// The repository root, found from this file's path.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The ruleset the product ships.
public let defaultRulesetPath = repositoryRoot.appendingPathComponent("geodata/rules/ruleset.json").path

/// A rectangle ring in lon/lat, counter-clockwise.
public func rectangle(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> [Coordinate] {
    [Coordinate(minX, minY), Coordinate(maxX, minY), Coordinate(maxX, maxY), Coordinate(minX, maxY), Coordinate(minX, minY)]
}

/// A zone to put into a test data folder.
public struct TestZone: Sendable {
    public var id: String
    public var kind: ZoneKind
    public var level: String
    public var ring: [Coordinate]
    public var accessList: JSONValue? = nil

    public init(id: String, kind: ZoneKind, level: String, ring: [Coordinate], accessList: JSONValue? = nil) {
        self.id = id
        self.kind = kind
        self.level = level
        self.ring = ring
        self.accessList = accessList
    }
}

/// Writes a data folder with a catalog, one layer per kind and a district covering everything, and loads it.
public func makeDataset(_ zones: [TestZone], district: [Coordinate] = rectangle(116.9, 39.9, 117.9, 40.3)) throws -> Dataset {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("layers"), withIntermediateDirectories: true)
    var all = zones
    all.append(TestZone(id: "DISTRICT", kind: .adminDistrict, level: "county", ring: district))
    var layers: [JSONValue] = []
    for kind in ZoneKind.allCases {
        let members = all.filter { $0.kind == kind }
        guard !members.isEmpty else { continue }
        let features = try members.enumerated().map { index, zone -> Feature in
            var properties = JSONObject()
            properties["id"] = .string(zone.id)
            properties["name"] = .string("测试区 \(zone.id)")
            properties["kind"] = .string(kind.rawValue)
            properties["level"] = .string(zone.level)
            if let accessList = zone.accessList { properties["access_list"] = accessList }
            return Feature(properties: properties, geometry: try Geometry(.polygon([zone.ring])), index: index)
        }
        let file = "layers/\(kind.rawValue).geojson"
        try Data(GeoJSON.encode(FeatureCollection(features: features))).write(to: folder.appendingPathComponent(file))
        layers.append(
            .object(
                JSONObject([
                    "file": .string(file), "kind": .string(kind.rawValue), "status": .string("illustrative"),
                ])))
    }
    let catalog = JSONValue.object(JSONObject(["dataset": "test", "version": "1", "layers": .array(layers)]))
    try Data(catalog.prettyPrinted().utf8).write(to: folder.appendingPathComponent("catalog.json"))
    return try Dataset.load(folder: folder.path)
}

/// The shipped ruleset, loaded once.
public let shippedRuleset: Ruleset = {
    do { return try Ruleset.load(contentsOf: defaultRulesetPath) } catch { fatalError("the shipped ruleset does not load: \(error)") }
}()
