import Foundation
import Geo
import Reports
import Screening
import ScreeningTestSupport
import Testing

@Suite("One pipeline: read, screen, render")
struct ScreeningSessionTests {
    @Test("a submission read, screened as of a day and rendered by the session gives the located error or the report")
    func pipeline() throws {
        let dataset = try makeDataset([TestZone(id: "W1", kind: .waterSource, level: "1", ring: rectangle(117.0, 40.0, 117.02, 40.02))])
        let session = try ScreeningSession(dataset: dataset, ruleset: shippedRuleset, files: NoVectorFiles(), toolVersion: "test")
        let text = #"""
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"id":"FARM","category":"LV"},"geometry":{"type":"Polygon","coordinates":[[[117.005,40.005],[117.01,40.005],[117.01,40.01],[117.005,40.005]]]}},
             {"type":"Feature","properties":{"id":"NOCAT"},"geometry":{"type":"Point","coordinates":[117.01,40.01]}}]}
            """#
        let features = try Submission.features(atPath: "in.geojson", bytes: Array(text.utf8), files: session.files, options: SubmissionOptions())
        #expect(features.map(\.id) == ["FARM", "NOCAT"])
        let day = try #require(CalendarDay(iso: "2026-12-06"))
        let (result, notes) = try session.screen(features[0], file: "in.geojson", on: day)
        #expect(result.verdict == .prohibited && result.asOf == day)
        let json = try session.render(result, as: .json, language: .en, inputFile: "in.geojson", inputSHA256: "abc", notes: notes)
        let root = try #require(try JSONValue.parse(Array(json.utf8)).objectValue)
        #expect(root["as_of"] == "2026-12-06" && root["verdict"] == "prohibited")
        #expect(root["provenance"]?.objectValue?["version"] == "test")
        #expect {
            _ = try session.screen(features[1], file: "in.geojson", on: day)
        } throws: { error in
            (error as? ScreeningError)?.hint == .stateAttribute("category") && "\(error)".contains("in.geojson, feature 1 (id NOCAT)")
        }
    }
}
