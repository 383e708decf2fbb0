import Geo

/// A problem found in a data folder: how serious, where (file, feature, zone id, coordinate) and what.
public struct DataProblem: Sendable, Hashable, CustomStringConvertible {
    /// Errors must be fixed before the data is used; warnings are worth a look.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// A stable code for the kind of problem, for example "invalid-geometry", "duplicate-id", "gap".
    public var code: String
    /// The file, relative to the data folder.
    public var file: String
    /// The feature's 0-based index in its file, when the problem belongs to one feature.
    public var featureIndex: Int?
    /// The zone's id, when known.
    public var zoneID: String?
    /// What is wrong and how to fix it.
    public var message: String
    /// Where, in lon/lat, when the problem has a place.
    public var location: Coordinate?

    public init(
        _ severity: Severity, _ code: String, file: String, featureIndex: Int? = nil, zoneID: String? = nil,
        message: String, location: Coordinate? = nil
    ) {
        self.severity = severity
        self.code = code
        self.file = file
        self.featureIndex = featureIndex
        self.zoneID = zoneID
        self.message = message
        self.location = location
    }

    public var description: String {
        let place = [file, Feature.label(index: featureIndex, id: zoneID)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        let at = location.map { " at [\(Submission.degrees($0.x)), \(Submission.degrees($0.y))]" } ?? ""
        return "\(severity.rawValue): \(place): \(message)\(at) [\(code)]"
    }
}
