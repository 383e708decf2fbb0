import Foundation
import Geo
import ScreeningTestSupport
import Testing

@Suite("The HTTP API on a real server")
struct APITests {
    static let badInputs = repositoryRoot.appendingPathComponent("Tests/ServerTests/Fixtures/bench_bad_inputs")

    @Test("every bundled example screens over HTTP to the verdict its expected report states, as JSON, text and HTML")
    func examples() async throws {
        let base = try await TestServer.standard()
        for (url, verdict) in try bundledExamples() {
            let answer = try await send(
                "POST", base, "/v1/screen?filename=\(url.lastPathComponent)", body: Data(contentsOf: url), contentType: "application/geo+json")
            #expect(answer.status == 200, "\(url.lastPathComponent): \(answer.text)")
            #expect(answer.json?["verdict"] as? String == verdict && answer.headers["x-redline-verdict"] == verdict, "\(url.lastPathComponent)")
            let input = (answer.json?["provenance"] as? [String: Any])?["input"] as? [String: Any]
            #expect(input?["file"] as? String == url.lastPathComponent, "\(String(describing: input))")
        }
        let example = repositoryRoot.appendingPathComponent("geodata/examples/jz_pig_farm_yuqiao_level1.geojson")
        let text = try await send("POST", base, "/v1/screen?format=text&lang=zh", body: Data(contentsOf: example), contentType: "application/geo+json")
        #expect(text.status == 200 && text.text.contains("结论：禁止") && text.headers["content-type"]?.hasPrefix("text/plain") == true, "\(text.text)")
        let html = try await send("POST", base, "/v1/screen?format=html", body: Data(contentsOf: example), contentType: "application/geo+json")
        #expect(html.status == 200 && html.text.hasPrefix("<!DOCTYPE html>") && html.headers["content-type"]?.hasPrefix("text/html") == true)
    }

    @Test("category and attributes in the query override the feature's, as the CLI's options do")
    func queryAttributes() async throws {
        let base = try await TestServer.standard()
        let point = Data(#"{"type":"Point","coordinates":[117.45,40.05]}"#.utf8)
        let missing = try await send("POST", base, "/v1/screen", body: point, contentType: "application/geo+json")
        #expect(
            missing.status == 422 && missing.error?["code"] as? String == "unknown_category" || missing.error?["code"] as? String == "invalid_footprint",
            "\(missing.text)")
        #expect((missing.error?["message"] as? String)?.contains("category=") == true, "\(missing.text)")
        let stated = try await send("POST", base, "/v1/screen?category=SR&action=new", body: point, contentType: "application/geo+json")
        #expect(stated.status == 200, "\(stated.text)")
        #expect((stated.json?["project"] as? [String: Any])?["category"] as? String == "SR")
        let typo = try await send("POST", base, "/v1/screen?categroy=SR", body: point, contentType: "application/geo+json")
        #expect(typo.status == 400 && typo.error?["code"] as? String == "bad_parameter" && (typo.error?["message"] as? String)?.contains("categroy") == true)
        let badValue = try await send("POST", base, "/v1/screen?category=SR&action=demolish", body: point, contentType: "application/geo+json")
        #expect(badValue.status == 400 && (badValue.error?["message"] as? String)?.contains("new, rebuild, expand, operate") == true, "\(badValue.text)")
    }

    /// What each file of the bench's bad-input corpus must get: its status and, for errors, a word of the message.
    static let badInputAnswers: [String: (status: Int, says: String?)] = [
        "bare_geometry.geojson": (200, nil), "bom_utf8.geojson": (200, nil), "clockwise_exterior.geojson": (200, nil),
        "coords_3d.geojson": (200, nil), "bowtie.geojson": (422, "Self-intersection"), "duplicate_points.geojson": (422, "holds 3 features"),
        "empty_geometry.geojson": (422, "holds 5 features"), "geometry_collection.geojson": (422, "GeometryCollection"),
        "hole_outside_shell.geojson": (422, "Hole lies outside shell"), "huge_coords.geojson": (422, "too large"),
        "latlon_swapped.geojson": (422, "swapped"), "nan_coords.geojson": (400, "NaN"), "non_utf8.geojson": (400, "UTF-8"),
        "projected_crs.geojson": (422, "not degrees"), "short_ring.geojson": (422, "at least 4"), "truncated.geojson": (400, "unterminated"),
        "unclosed_ring.geojson": (422, "not closed"), "wrong_nesting.geojson": (422, "holds 4 features"),
    ]

    @Test("the bench's bad-input corpus: each file gets its status and a JSON error naming the file and the problem; batch reports each feature")
    func badInputs() async throws {
        let base = try await TestServer.standard()
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.badInputs.path).filter { $0.hasSuffix(".geojson") }.sorted()
        #expect(Set(names) == Set(Self.badInputAnswers.keys), "the corpus and the table disagree")
        for name in names {
            let bytes = try Data(contentsOf: Self.badInputs.appendingPathComponent(name))
            let expected = try #require(Self.badInputAnswers[name])
            let answer = try await send("POST", base, "/v1/screen?category=LV&filename=\(name)", body: bytes, contentType: "application/geo+json")
            #expect(answer.status == expected.status, "\(name): \(answer.text)")
            if let says = expected.says {
                let message = answer.error?["message"] as? String ?? ""
                #expect(message.hasPrefix(name) && message.contains(says), "\(name): \(message)")
                #expect(answer.error?["code"] is String && answer.headers["content-type"]?.hasPrefix("application/json") == true)
            }
            // As a batch every feature gets a line, the bad ones an error line, and the stream is whole.
            let batch = try await send("POST", base, "/v1/batch?category=LV&filename=\(name)", body: bytes, contentType: "application/geo+json")
            #expect(batch.status == 200, "\(name): \(batch.text)")
            let lines = batch.text.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(!lines.isEmpty && lines.allSatisfy { $0 != nil && $0?["stopped"] == nil }, "\(name): \(batch.text)")
            #expect(
                lines.contains { $0?["error"] != nil } == (expected.status != 200 && expected.says?.hasPrefix("holds") != true) || name.contains("points")
                    || name.contains("empty") || name.contains("nesting"), "\(name)")
        }
        // The bench's 2 MB polygon (82,000 vertices) is over this server's 1 MiB limit.
        let ring = (0..<82_000).map { index -> String in
            let angle = Double(index) / 82_000 * 2 * Double.pi
            return "[\(117.4 + 0.01 * cos(angle)),\(40.0 + 0.01 * sin(angle))]"
        }
        let big = Data(#"{"type":"Polygon","coordinates":[["#.utf8) + Data((ring + [ring[0]]).joined(separator: ",").utf8) + Data("]]}".utf8)
        #expect(big.count > 1_048_576)
        let tooLarge = try await send("POST", base, "/v1/screen?category=LV", body: big, contentType: "application/geo+json")
        #expect(tooLarge.status == 413 && tooLarge.error?["code"] as? String == "body_too_large", "\(tooLarge.text)")
        let wrongType = try await send("POST", base, "/v1/screen", body: Data("a,b".utf8), contentType: "text/csv")
        #expect(wrongType.status == 415 && (wrongType.error?["message"] as? String)?.contains("application/geo+json") == true)
        let empty = try await send("POST", base, "/v1/screen", body: Data(), contentType: "application/geo+json")
        #expect(empty.status == 400 && empty.error?["code"] as? String == "empty_body", "\(empty.text)")
        let nowhere = try await send("GET", base, "/v2/screen")
        #expect(nowhere.status == 404 && nowhere.error?["code"] as? String == "not_found")
        let health = try await send("GET", base, "/healthz")
        #expect(health.status == 200 && health.json?["status"] as? String == "ok")
    }

    @Test("200 concurrent screenings are all answered, each with its own verdict")
    func concurrentRequests() async throws {
        let base = try await TestServer.standard()
        let examples = try bundledExamples()
        let bodies = try examples.map { try Data(contentsOf: $0.url) }
        let answers = try await withThrowingTaskGroup(of: (Int, Answer).self) { group in
            for request in 0..<200 {
                let which = request % examples.count
                group.addTask { (which, try await send("POST", base, "/v1/screen", body: bodies[which], contentType: "application/geo+json")) }
            }
            var answers: [(Int, Answer)] = []
            for try await answer in group { answers.append(answer) }
            return answers
        }
        #expect(answers.count == 200)
        for (which, answer) in answers {
            #expect(
                answer.status == 200 && answer.json?["verdict"] as? String == examples[which].verdict,
                "\(examples[which].url.lastPathComponent): \(answer.status)")
        }
    }

    @Test("a batch streams one line per feature in input order, the same lines whether sent as NDJSON or a FeatureCollection")
    func batch() async throws {
        let base = try await TestServer.standard()
        let examples = try bundledExamples()
        var features: [String] = []
        for (url, _) in examples {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            let feature = (object["features"] as? [[String: Any]])?.first ?? object
            features.append(String(decoding: try JSONSerialization.data(withJSONObject: feature), as: UTF8.self))
        }
        features.insert(
            #"{"type":"Feature","properties":{"id":"BAD"},"geometry":{"type":"Polygon","coordinates":[[[117.4,40.0],[117.41,40.01],[117.41,40.0],[117.4,40.01],[117.4,40.0]]]}}"#,
            at: 3)
        let ndjson = try await send("POST", base, "/v1/batch", body: Data(features.joined(separator: "\n").utf8), contentType: "application/x-ndjson")
        #expect(ndjson.status == 200 && ndjson.headers["content-type"]?.hasPrefix("application/x-ndjson") == true)
        let lines = ndjson.text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == features.count)
        #expect(lines.map { ($0["input"] as? [String: Any])?["feature"] as? Int } == (1...features.count).map { $0 }, "lines in input order, by line number")
        #expect((lines[3]["error"] as? String)?.contains("Self-intersection") == true && (lines[3]["input"] as? [String: Any])?["id"] as? String == "BAD")
        let verdicts = lines.enumerated().filter { $0.offset != 3 }.map { $0.element["verdict"] as? String }
        #expect(verdicts == examples.map(\.verdict))
        let collection = try await send(
            "POST", base, "/v1/batch", body: Data(("{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",") + "]}").utf8),
            contentType: "application/geo+json")
        let collectionLines = collection.text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(collectionLines.map { $0["verdict"] as? String } == lines.map { $0["verdict"] as? String })
    }

    @Test("a batch over the time limit ends with a stopped line after the complete ones")
    func batchTimeLimit() async throws {
        let base = try await TestServer.impatient()
        let example = try String(contentsOf: repositoryRoot.appendingPathComponent("geodata/examples/jz_solar_partly_in_redline.geojson"), encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(example.utf8)) as? [String: Any])
        let feature = String(decoding: try JSONSerialization.data(withJSONObject: (object["features"] as? [[String: Any]])?.first ?? object), as: UTF8.self)
        let body = Data(Array(repeating: feature, count: 4000).joined(separator: "\n").utf8)
        let answer = try await send("POST", base, "/v1/batch", body: body, contentType: "application/x-ndjson")
        // Reading 4,000 footprints may itself pass the limit (a 503 before any line); else the stream stops part-way.
        if answer.status == 503 {
            #expect(answer.error?["code"] as? String == "timed_out", "\(answer.text)")
            return
        }
        let lines = answer.text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let stopped = try #require(lines.last?["stopped"] as? [String: Any], "the batch finished within 1 s: \(lines.count) lines")
        #expect(stopped["code"] as? String == "timed_out" && lines.count < 4001)
        #expect(lines.dropLast().allSatisfy { $0["verdict"] as? String == "prohibited" })
    }

    @Test("the map's zones: those meeting the box, simplified for the width, with kind and level; a bad box is refused")
    func zones() async throws {
        let base = try await TestServer.standard()
        let answer = try await send("GET", base, "/v1/zones?bbox=117.54,40.06,117.57,40.09&width=800")
        #expect(answer.status == 200 && answer.headers["content-type"]?.hasPrefix("application/geo+json") == true)
        let features = try #require(answer.json?["features"] as? [[String: Any]])
        let ids = Set(features.compactMap { ($0["properties"] as? [String: Any])?["id"] as? String })
        #expect(ids.contains("JZ-RL-04") && ids.contains("JZ-DW-YQ-1"), "\(ids.sorted())")
        let coarse = try await send("GET", base, "/v1/zones?width=100")
        let fine = try await send("GET", base, "/v1/zones?width=4000")
        #expect(coarse.body.count < fine.body.count, "a narrower map gets fewer vertices: \(coarse.body.count) vs \(fine.body.count) bytes")
        let redlines = try await send("GET", base, "/v1/zones?kinds=ecological_redline")
        let kinds = Set((redlines.json?["features"] as? [[String: Any]] ?? []).compactMap { ($0["properties"] as? [String: Any])?["kind"] as? String })
        #expect(kinds == ["ecological_redline"])
        for bad in ["bbox=1,2,3", "bbox=118,40,117,41", "width=3", "kinds=lake", "zoom=3"] {
            let refused = try await send("GET", base, "/v1/zones?\(bad)")
            #expect(refused.status == 400 && refused.error?["code"] as? String == "bad_parameter", "\(bad): \(refused.text)")
        }
    }

    @Test("the rules and the dataset describe what the server screens against")
    func catalog() async throws {
        let base = try await TestServer.standard()
        let rules = try await send("GET", base, "/v1/rules")
        let categories = try #require(rules.json?["categories"] as? [[String: Any]])
        #expect(categories.count == 25 && categories.contains { $0["code"] as? String == "LV" && ($0["zh"] as? String)?.contains("畜禽") == true })
        #expect((rules.json?["ruleset"] as? [String: Any])?["version"] as? String == "2.0.0")
        let kinds = try #require(rules.json?["kinds"] as? [[String: Any]])
        #expect(kinds.contains { $0["kind"] as? String == "ecological_redline" && $0["fill"] as? String == "#e53935" && $0["zh"] as? String == "生态保护红线" })
        let file = try await send("GET", base, "/v1/rules/ruleset.json")
        #expect(file.status == 200 && (file.json?["version"] as? String) == "2.0.0")
        let dataset = try await send("GET", base, "/v1/dataset")
        #expect(dataset.json?["illustrative"] as? Bool == true)
        let box = try #require(dataset.json?["bbox"] as? [Double])
        #expect(box.count == 4 && box[0] < 117.4 && box[2] > 117.4 && box[1] < 40.0 && box[3] > 40.0, "\(box)")
        #expect((dataset.json?["layers"] as? [[String: Any]])?.isEmpty == false)
    }
}
