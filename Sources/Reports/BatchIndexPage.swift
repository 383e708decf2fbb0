import Foundation
import Geo
import Screening

/// The index page of a batch's HTML reports: a map of all projects coloured by verdict and the summary table,
/// each row linked to the project's own report (relative links only; nothing to fetch).
public struct BatchIndexPage {
    /// One project on the index.
    public struct Entry: Sendable {
        public var id: String
        public var name: String
        public var category: String
        public var verdict: Verdict?
        public var error: String?
        public var link: String?
        public var place: Coordinate?

        public init(id: String, name: String, category: String, verdict: Verdict?, error: String?, link: String?, place: Coordinate?) {
            self.id = id
            self.name = name
            self.category = category
            self.verdict = verdict
            self.error = error
            self.link = link
            self.place = place
        }
    }

    static let verdictColours: [Verdict: String] = [.prohibited: "#c62828", .restricted: "#ef6c00", .conditional: "#f9a825", .clear: "#2e7d32"]

    /// The page.
    public static func render(_ entries: [Entry], dataset: Dataset, language: Language) throws -> String {
        let zh = language == .zh
        var counts: [Verdict: Int] = [:]
        for entry in entries { if let verdict = entry.verdict { counts[verdict, default: 0] += 1 } }
        let errors = entries.filter { $0.error != nil }.count
        var html = """
            <!DOCTYPE html>
            <html lang="\(zh ? "zh-CN" : "en")"><head><meta charset="utf-8"><title>\(zh ? "RedLine 批量筛查" : "RedLine batch screening")</title>
            <style>\(HTMLReport.css)</style></head><body>
            <h1>\(zh ? "批量筛查" : "Batch screening"): \(entries.count) \(zh ? "个项目" : "projects")</h1><p>
            """
        for verdict in [Verdict.prohibited, .restricted, .conditional, .clear] {
            html +=
                "<span class=\"verdict v-\(verdict.rawValue)\" style=\"font-size:15px\">\(HTMLReport.escape(zh ? verdict.chineseName : verdict.rawValue)) \(counts[verdict] ?? 0)</span> "
        }
        html += "<span class=\"verdict\" style=\"font-size:15px;background:#616161\">\(zh ? "错误" : "errors") \(errors)</span></p>\n"
        if dataset.hasIllustrativeData { html += "<p class=\"banner\">\(HTMLReport.escape(IllustrativeBanner.text.text(language)))</p>\n" }
        html += try map(entries, dataset: dataset, language: language)
        html +=
            "<table><tr><th>#</th><th>\(zh ? "结论" : "verdict")</th><th>id</th><th>\(zh ? "名称" : "name")</th><th>\(zh ? "类别" : "category")</th><th>\(zh ? "报告" : "report")</th></tr>\n"
        for (number, entry) in entries.enumerated() {
            let verdict = entry.verdict.map { zh ? $0.chineseName : $0.rawValue } ?? (zh ? "错误：" : "error: ") + (entry.error ?? "")
            let link = entry.link.map { "<a href=\"\(HTMLReport.escape($0))\">\(zh ? "查看" : "open")</a>" } ?? ""
            html +=
                "<tr class=\"o-\(entry.verdict.map { $0 == .clear ? "allowed" : $0.rawValue } ?? "error")\"><td>\(number + 1)</td><td>\(HTMLReport.escape(verdict))</td>"
                + "<td>\(HTMLReport.escape(entry.id))</td><td>\(HTMLReport.escape(entry.name))</td><td>\(HTMLReport.escape(entry.category))</td><td>\(link)</td></tr>\n"
        }
        return html + "</table>\n</body></html>\n"
    }

    /// All projects as dots on the districts, in the Gauss–Krüger plane of their centre.
    static func map(_ entries: [Entry], dataset: Dataset, language: Language) throws -> String {
        let places = entries.compactMap(\.place)
        guard let first = places.first else { return "" }
        let box = places.reduce(Envelope(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)) { box, c in
            box.union(Envelope(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y))
        }
        let plane = try LocalPlane(longitude: box.center.x)
        let corners = try [Coordinate(box.minX, box.minY), Coordinate(box.maxX, box.maxY)].map { try plane.forward.transform($0) }
        let size = max(2000, max(corners[1].x - corners[0].x, corners[1].y - corners[0].y) * 1.2)
        let centre = Coordinate((corners[0].x + corners[1].x) / 2, (corners[0].y + corners[1].y) / 2)
        let map = MapSVG(
            view: Envelope(minX: centre.x - size * 0.65, minY: centre.y - size / 2, maxX: centre.x + size * 0.65, maxY: centre.y + size / 2),
            plane: plane, width: 760, height: 560)
        var svg = String(format: "<svg width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">", map.width, map.height, map.width, map.height)
        let window = try map.lonLatWindow()
        for district in dataset.zones where district.kind == .adminDistrict && district.geometry.envelope?.intersects(window) == true {
            svg += "<path d=\"\(try map.pathData(district.geometry.clipped(to: window)))\" fill=\"#f5f5f5\" stroke=\"#757575\" stroke-dasharray=\"6 3\"/>"
        }
        for entry in entries {
            guard let place = entry.place, let verdict = entry.verdict else { continue }
            let p = try plane.forward.transform(place)
            svg += String(
                format: "<circle class=\"project\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%@\" stroke=\"#000\" stroke-width=\"0.5\"><title>%@</title></circle>",
                map.sx(p.x), map.sy(p.y), verdictColours[verdict] ?? "#000", HTMLReport.escape(entry.id))
        }
        svg += map.scaleBarAndNorthArrow(language)
        return svg + "</svg>\n"
    }
}
