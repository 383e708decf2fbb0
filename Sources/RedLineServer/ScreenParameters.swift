import Geo
import Hummingbird
import Reports
import Screening

/// What a screening request asks for, from its query (or a multipart form's fields): the same choices as
/// `redline screen`'s options, under the JSON report's names (`discharges_to_water`, `national_major_project`).
struct ScreenParameters: Sendable {
    enum Format: String, Sendable, CaseIterable {
        case json, geojson, html, pdf, text
    }

    var format = Format.json
    var language = Language.en
    var feature: String?
    var day = CalendarDay.today()
    var options = SubmissionOptions()

    /// Every parameter name the API reads; anything else is refused rather than ignored (a typo must not pass).
    static let names: Set<String> = [
        "format", "lang", "feature", "as_of", "category", "action", "discharges_to_water", "linear", "crossing",
        "national_major_project", "datum", "crs", "repair", "filename",
    ]

    /// Reads the parameters; `fields` are a form's values (the query wins over them).
    ///
    /// - Throws: `APIError` 400 `bad_parameter` naming the parameter, the value and what it may be.
    init(query: [String: String], fields: [String: String] = [:], allowing allowed: Set<String> = names) throws {
        let values = fields.merging(query) { _, fromQuery in fromQuery }
        if let unknown = values.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw APIError(.badRequest, "bad_parameter", "unknown parameter \"\(unknown)\"; known: \(allowed.sorted().joined(separator: ", "))")
        }
        func choice<T: RawRepresentable>(_ name: String, _ all: [T]) throws -> T? where T.RawValue == String {
            guard let text = values[name] else { return nil }
            guard let value = T(rawValue: text) else {
                throw APIError(.badRequest, "bad_parameter", "\(name)=\(text) is not one of \(all.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        }
        func flag(_ name: String) throws -> Bool? {
            guard let text = values[name] else { return nil }
            switch text.lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no": return false
            default: throw APIError(.badRequest, "bad_parameter", "\(name)=\(text) is not true or false")
            }
        }
        format = try choice("format", Format.allCases) ?? .json
        language = try choice("lang", Language.allCases) ?? .en
        feature = values["feature"]
        if let text = values["as_of"] {
            guard let day = CalendarDay(iso: text) else {
                throw APIError(.badRequest, "bad_parameter", "as_of=\(text) is not a date: give YYYY-MM-DD, for example 2025-06-01")
            }
            self.day = day
        }
        options.overrides = ProjectOverrides(
            category: values["category"], action: try choice("action", ProjectAction.allCases),
            dischargesToWater: try flag("discharges_to_water"), linear: try flag("linear"),
            crossing: try choice("crossing", Crossing.allCases), nationalMajorProject: try flag("national_major_project"))
        options.datum = try choice("datum", WebMapDatum.allCases) ?? .wgs84
        options.crs = values["crs"].map(CRS.init)
        options.repair = try flag("repair") ?? false
    }

    /// The rendering of `format` (PDF prints the HTML).
    var reportFormat: ReportFormat {
        switch format {
        case .json: .json
        case .geojson: .geojson
        case .html, .pdf: .html
        case .text: .text
        }
    }

    var contentType: String {
        switch format {
        case .json: "application/json; charset=utf-8"
        case .geojson: "application/geo+json; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .pdf: "application/pdf"
        case .text: "text/plain; charset=utf-8"
        }
    }
}

extension Request {
    /// The query's parameters by name (the last value of a repeated one).
    var queryValues: [String: String] {
        var values: [String: String] = [:]
        for (name, value) in uri.queryParameters { values[String(name)] = String(value) }
        return values
    }
}
