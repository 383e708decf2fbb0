/// A problem reading GeoJSON, located as precisely as the reader can: file, feature and line.
public struct GeoJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, when the input came from one.
    public var file: String?
    /// The 0-based index of the feature in its FeatureCollection, when the problem is inside one.
    public var featureIndex: Int?
    /// The feature's `id` member, or its `properties.id`, when it has one.
    public var featureID: String?
    /// 1-based line and column of the problem in the text.
    public var line: Int?
    /// 1-based column (in bytes) of the problem.
    public var column: Int?
    /// What is wrong and, where possible, how to fix it.
    public var message: String
    /// Whether the whole document is unreadable (a JSON syntax error) rather than one feature.
    public var isFatal: Bool

    /// A problem with a message and location.
    public init(
        message: String, file: String? = nil, featureIndex: Int? = nil, featureID: String? = nil,
        line: Int? = nil, column: Int? = nil, isFatal: Bool = false
    ) {
        self.message = message
        self.file = file
        self.featureIndex = featureIndex
        self.featureID = featureID
        self.line = line
        self.column = column
        self.isFatal = isFatal
    }

    /// "file, line L, column C, feature N (id X): message".
    public var description: String {
        var place: [String] = []
        if let file { place.append(file) }
        if let line { place.append(column.map { "line \(line), column \($0)" } ?? "line \(line)") }
        if let featureIndex, let feature = Feature.label(index: featureIndex, id: featureID) { place.append(feature) }
        return place.isEmpty ? message : place.joined(separator: ", ") + ": " + message
    }
}
