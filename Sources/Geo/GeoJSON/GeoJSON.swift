/// The GeoJSON object a document's top level was.
public enum GeoJSONObjectType: String, Sendable {
    /// A FeatureCollection.
    case featureCollection = "FeatureCollection"
    /// A single Feature.
    case feature = "Feature"
    /// A bare geometry object.
    case geometry = "Geometry"
}

/// A GeoJSON Feature (RFC 7946 §3.2): a geometry (or none) with an id and properties.
public struct Feature: Sendable {
    /// The feature's `id` member (a string or a number), if present.
    public var id: JSONValue?
    /// The `properties` object in its original member order; nil when it was `null` or absent.
    public var properties: JSONObject?
    /// The geometry; nil for `"geometry": null`.
    public var geometry: Geometry?
    /// Members other than type, id, properties, geometry and bbox, kept for output.
    public var foreignMembers: JSONObject
    /// Whether positions carried an altitude (a third number) that was dropped: RedLine works in two dimensions.
    public var droppedAltitude: Bool
    /// The feature's 0-based position in the document it was read from.
    public var index: Int

    /// A feature with a geometry and properties.
    public init(
        id: JSONValue? = nil, properties: JSONObject? = JSONObject(), geometry: Geometry?,
        foreignMembers: JSONObject = JSONObject(), index: Int = 0
    ) {
        self.id = id
        self.properties = properties
        self.geometry = geometry
        self.foreignMembers = foreignMembers
        self.droppedAltitude = false
        self.index = index
    }

    /// "feature 3 (id F3)", "feature 3" or "id F3": how messages name a feature; nil when neither is known.
    public static func label(index: Int?, id: String?) -> String? {
        guard let index else { return id.map { "id \($0)" } }
        return "feature \(index)" + (id.map { " (id \($0))" } ?? "")
    }

    /// The id to show a user: the `id` member, else `properties.id`.
    public var displayID: String? {
        if let id, id != .null { return id.displayText }
        if let value = properties?["id"], value != .null { return value.displayText }
        return nil
    }
}

/// The features of a GeoJSON document, whatever its top-level object was, with the features that
/// could not be read reported rather than dropped.
public struct FeatureCollection: Sendable {
    /// What the document's top level was: a bare Geometry or Feature reads as a collection of one.
    public var origin: GeoJSONObjectType
    /// The features that were read, in document order.
    public var features: [Feature]
    /// One error per feature that could not be read (its geometry is malformed); the others are in `features`.
    public var rejected: [GeoJSONError]
    /// The CRS named by the legacy (2008) `crs` member, if present. RFC 7946 data has none and is lon/lat WGS 84.
    public var crs: CRS?
    /// Top-level members other than type, features, bbox and crs, kept for output.
    public var foreignMembers: JSONObject

    /// A collection of features.
    public init(features: [Feature], crs: CRS? = nil, foreignMembers: JSONObject = JSONObject()) {
        self.origin = .featureCollection
        self.features = features
        self.rejected = []
        self.crs = crs
        self.foreignMembers = foreignMembers
    }
}
