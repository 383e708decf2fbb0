import Geo
import Hummingbird
import Screening

extension RedLineServer {
    /// The most zones one answer carries: a view of a whole province at once is thinned, not sent whole.
    static let zoneLimit = 5000

    /// `GET /v1/zones?bbox=W,S,E,N&width=PX[&kinds=a,b]`: the zones meeting the box as GeoJSON (lon/lat), simplified to
    /// about one pixel of a map `width` pixels wide (default 1024), for drawing; screening always uses the full geometry.
    func zones(_ request: Request) async throws -> Response {
        let query = request.queryValues
        if let unknown = query.keys.sorted().first(where: { !["bbox", "width", "kinds"].contains($0) }) {
            throw APIError(.badRequest, "bad_parameter", "unknown parameter \"\(unknown)\"; known: bbox, kinds, width")
        }
        let box = try Self.box(query["bbox"]) ?? catalog.zoneBox
        let width =
            try query["width"].map { text -> Double in
                guard let value = Double(text), value >= 16, value <= 16384 else {
                    throw APIError(.badRequest, "bad_parameter", "width=\(text) is not a map width in pixels between 16 and 16384")
                }
                return value
            } ?? 1024
        let kinds = try query["kinds"].map { text in
            try Set(
                text.split(separator: ",").map { name in
                    guard let kind = ZoneKind(rawValue: String(name)) else {
                        throw APIError(
                            .badRequest, "bad_parameter",
                            "kinds: \"\(name)\" is not a zone kind; known: \(ZoneKind.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return kind
                })
        }
        let tolerance = (box.maxX - box.minX) / width
        let session = self.session, index = catalog.zoneIndex
        let text = try await limiter.run("the zone map") { _ in
            var features: [Feature] = []
            for position in try index.query(box) {
                let zone = session.dataset.zones[position]
                if let kinds, !kinds.contains(zone.kind) { continue }
                if features.count == Self.zoneLimit { break }
                // Topology kept, so a zone smaller than a pixel stays a (tiny) polygon rather than vanishing.
                let simplified = try zone.geometry.simplifiedKeepingTopology(tolerance: tolerance)
                let properties = JSONObject([
                    "id": .string(zone.id), "name": .string(zone.name), "name_en": zone.englishName.map(JSONValue.string) ?? .null,
                    "kind": .string(zone.kind.rawValue), "level": .string(zone.rawLevel), "illustrative": .bool(zone.isIllustrative),
                ])
                features.append(Feature(properties: properties, geometry: simplified.isEmpty ? zone.geometry : simplified))
            }
            return String(decoding: GeoJSON.encode(FeatureCollection(features: features), options: .init(coordinateDecimals: 6)), as: UTF8.self)
        }
        return jsonResponse(text, contentType: "application/geo+json; charset=utf-8")
    }

    /// `W,S,E,N` in degrees (read as `--bbox` is), or nil when absent.
    static func box(_ text: String?) throws -> Envelope? {
        guard let text else { return nil }
        do { return try RegionFilter.box(parsing: text) } catch { throw APIError(.badRequest, "bad_parameter", "bbox=\(text): \(error.message)") }
    }
}
