import Foundation
import ScreeningTestSupport
import Testing

/// The web page in a real browser: Debian's headless Chromium driven over the DevTools protocol.
@Suite(
    "The web page in headless Chromium",
    .enabled(
        if: HeadlessChromium.executable() != nil, "headless Chromium is not installed (apt-get install chromium): the web page is not tested in a browser"),
    .serialized
)
struct WebPageTests {
    @Test("upload a footprint, pick the category, screen: the verdict, findings and access list appear, and nothing is fetched from outside the server")
    func uploadToVerdict() async throws {
        let base = try await TestServer.standard()
        let browser = try HeadlessChromium(executable: try #require(HeadlessChromium.executable()))
        defer { browser.close() }
        // The page loads the rules (categories) and draws the zones of the dataset's extent, then screens the upload.
        try openAndScreenUpload(browser, base: base, language: "zh")
        try browser.waitFor("!document.querySelector('#illustrative-banner').hidden")
        let verdictText = try browser.evaluate("document.querySelector('#verdict').innerText") as? String ?? ""
        #expect(verdictText.contains("禁止"), "\(verdictText)")
        let findings = try browser.evaluate("[...document.querySelectorAll('#findings tr.finding')].map(r => r.innerText).join('\\n')") as? String ?? ""
        #expect(findings.contains("于桥水库饮用水水源一级保护区") && findings.contains("生态保护红线"), "\(findings)")
        let accessList = try browser.evaluate("document.querySelector('#access-list')?.innerText ?? ''") as? String ?? ""
        #expect(!accessList.isEmpty, "the access-list section says what the unit's list holds, or that the data has none")

        // The downloads ask the server for the same screening as HTML and JSON (saved by the browser from a blob).
        for format in ["html", "json"] {
            _ = try browser.evaluate("document.querySelector('#download-\(format)').click()")
            try browser.waitFor("!document.querySelector('#download-\(format)').disabled", timeout: 120)
        }
        let asked = browser.requestedURLs.filter { $0.contains("/v1/screen") }
        #expect(asked.contains { $0.contains("format=html") } && asked.contains { $0.contains("format=json") }, "\(asked)")

        if let path = ProcessInfo.processInfo.environment["REDLINE_SCREENSHOT"] {
            try Data(try browser.screenshot()).write(to: URL(fileURLWithPath: path))
        }
        let outside = requestsOutside(browser, base: base)
        #expect(outside.isEmpty, "the page requested \(outside)")
        #expect(browser.requestedURLs.contains { $0.contains("/v1/screen") })
        #expect(browser.consoleErrors.isEmpty, "\(browser.consoleErrors)")
    }

    @Test("draw a polygon on the map with the mouse and screen it: the drawn footprint is what gets screened, in English")
    func drawToVerdict() async throws {
        let base = try await TestServer.standard()
        let browser = try HeadlessChromium(executable: try #require(HeadlessChromium.executable()))
        defer { browser.close() }
        // Screening an uploaded file first brings the map to it (Yuqiao reservoir, in Jizhou): the triangle is drawn there.
        try openAndScreenUpload(browser, base: base, language: "en")
        // The page then fetches the footprint's geometry and zooms to it: wait for the map's scale to be in metres.
        try browser.waitFor("document.querySelector('#scale-bar-text')?.textContent.endsWith(' m')", timeout: 120)
        let box = try #require(
            try browser.evaluate("(() => { const r = document.querySelector('#map').getBoundingClientRect(); return [r.left, r.top, r.width, r.height] })()")
                as? [Double])
        _ = try browser.evaluate("document.querySelector('#draw-polygon').click()")
        // Three corners of a small triangle in the middle of the map, the last one double-clicked to finish.
        let (x, y) = (box[0] + box[2] / 2, box[1] + box[3] / 2)
        try browser.click(x: x, y: y)
        try browser.click(x: x + 30, y: y)
        try browser.click(x: x + 15, y: y + 25)
        try browser.click(x: x + 15, y: y + 25, count: 2)
        try choose(browser, category: "RE")
        _ = try browser.evaluate("document.querySelector('#screen-button').click()")
        // The answer is the drawn triangle's: a real-estate project (RE), not the uploaded pig farm (LV).
        let errorShown = "(document.querySelector('#error')?.innerText ?? '').trim().length > 0"
        try browser.waitFor("document.querySelector('#result')?.innerText.includes('RE —') || \(errorShown)", timeout: 120)
        let error = try browser.evaluate("document.querySelector('#error')?.innerText ?? ''") as? String ?? ""
        #expect(error.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(error)")
        let verdict = try browser.evaluate("document.querySelector('#verdict').dataset.verdict") as? String ?? ""
        #expect(["clear", "conditional", "restricted", "prohibited"].contains(verdict))
        let sent = browser.requestedURLs.filter { $0.contains("/v1/screen") }
        #expect(sent.last?.contains("category=RE") == true, "\(sent)")
        let outside = requestsOutside(browser, base: base)
        #expect(outside.isEmpty, "the page requested \(outside)")
        #expect(browser.consoleErrors.isEmpty, "\(browser.consoleErrors)")
    }
}

/// Opens the page in `language`, waits for the rules and the map, and screens the bundled pig-farm example uploaded as a
/// file with category LV, up to its verdict.
private func openAndScreenUpload(_ browser: HeadlessChromium, base: URL, language: String) throws {
    // Generous limits: the suite runs Spark, servers and builds beside the browser on two cores.
    try browser.navigate(to: base.absoluteString + "/?lang=\(language)", timeout: 120)
    try browser.waitFor("document.querySelectorAll('#category option').length >= 25", timeout: 120)
    try browser.waitFor("document.querySelectorAll('#map path').length >= 20", timeout: 120)
    let example = repositoryRoot.appendingPathComponent("geodata/examples/jz_pig_farm_yuqiao_level1.geojson").path
    try browser.setFileInput(selector: "#file-input", files: [example])
    try choose(browser, category: "LV")
    _ = try browser.evaluate("document.querySelector('#screen-button').click()")
    try browser.waitFor("document.querySelector('#verdict')?.dataset.verdict === 'prohibited'", timeout: 120)
}

/// Picks a category in the form as a user does (the select's value, then its change event).
private func choose(_ browser: HeadlessChromium, category: String) throws {
    _ = try browser.evaluate(
        "(() => { const s = document.querySelector('#category'); s.value = '\(category)'; s.dispatchEvent(new Event('change')); return s.value })()")
}

/// The URLs the page requested outside the server (blob: downloads and data: icons are the page's own).
private func requestsOutside(_ browser: HeadlessChromium, base: URL) -> [String] {
    browser.requestedURLs.filter { !$0.hasPrefix(base.absoluteString) && !$0.hasPrefix("data:") && !$0.hasPrefix("blob:") }
}
