import Foundation
import ScreeningTestSupport
import Testing
import Yams

@Suite("docs/openapi.yaml describes the server")
struct OpenAPITests {
    @Test("the description's paths are the server's endpoints, and each answers (none is 404)")
    func pathsMatchTheServer() async throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        let document = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
        let paths = try #require(document["paths"] as? [String: Any])
        var documented = Set<String>()
        for (path, item) in paths {
            for method in ((item as? [String: Any]) ?? [:]).keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        let base = try await TestServer.standard()
        let index = try await send("GET", base, "/v1")
        let listed = Set(index.json?["endpoints"] as? [String] ?? [])
        #expect(
            listed == documented, "documented but not served: \(documented.subtracting(listed)); served but not documented: \(listed.subtracting(documented))")
        for endpoint in documented {
            let parts = endpoint.split(separator: " ")
            let answer = try await send(
                String(parts[0]), base, String(parts[1]), body: parts[0] == "POST" ? Data("{}".utf8) : nil, contentType: "application/geo+json")
            #expect(answer.status != 404 && answer.status != 405 && answer.status < 500, "\(endpoint): \(answer.status) \(answer.text.prefix(200))")
        }
    }
}
