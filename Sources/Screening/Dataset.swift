import Foundation
import Geo

/// A layer of a data folder as its catalog describes it, with the checksum of the file as read.
public struct LayerInfo: Sendable, Hashable {
    /// Path relative to the data folder.
    public var file: String
    /// The kind of every zone in it; nil for a single file that mixes kinds.
    public var kind: ZoneKind?
    public var name: LocalizedText
    public var authority: String
    public var date: String
    public var source: String
    public var licence: String
    /// Whether the layer is an official delineation ("authoritative") or drawn for illustration.
    public var isIllustrative: Bool
    public var crs: String
    /// SHA-256 of the file's bytes.
    public var sha256: String
    /// Number of zones read.
    public var featureCount: Int
}

/// A data folder: its catalog, every zone of every layer, and the ruleset it ships.
public struct Dataset: Sendable {
    /// The folder, as given.
    public var folder: String
    /// The dataset's name and version from the catalog.
    public var name: String
    public var version: String
    public var layers: [LayerInfo]
    /// Every zone, in layer order then file order.
    public var zones: [Zone]

    /// Whether any layer is illustrative.
    public var hasIllustrativeData: Bool { layers.contains(where: \.isIllustrative) }

    /// SHA-256 over the layers' checksums in catalog order: one value naming the exact data used.
    public var digest: String {
        let joined = layers.map { "\($0.file) \($0.sha256)\n" }.joined()
        return sha256Hex(Array(joined.utf8))
    }

    /// The catalog's region box [west, south, east, north], when it declares one.
    public var regionBox: Envelope?

    /// The default ruleset file of this folder (`rules/ruleset.json`); for a single layer file, the bundled one beside it is not assumed.
    public var rulesetPath: String { (folder as NSString).appendingPathComponent("rules/ruleset.json") }
}

extension Dataset {
    /// Reads a data folder (`catalog.json` and every layer it lists) or a single GeoJSON layer file whose
    /// features carry their `kind`, and refuses it if anything is wrong.
    ///
    /// Every zone must have a unique id, a known kind and level, and a valid polygonal lon/lat geometry.
    /// All problems are collected and thrown together, each naming its file and feature.
    public static func load(folder: String, assumedCRS: CRS? = nil, files: any FeatureFileReader = NoVectorFiles()) throws -> Dataset {
        let reading = try DatasetReader.read(folder, assumedCRS: assumedCRS, files: files)
        let errors = reading.problems.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw ScreeningError.invalidData(
                errors.map { problem in
                    let place = problem.location.map { " at [\(Submission.degrees($0.x)), \(Submission.degrees($0.y))]" } ?? ""
                    return .data(file: problem.file, feature: Feature.label(index: problem.featureIndex, id: problem.zoneID), message: problem.message + place)
                })
        }
        return reading.dataset
    }
}

/// Reads a whole file (Foundation is fine here: data files are small next to zone layers' parse cost).
func readFile(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
}
