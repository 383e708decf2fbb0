import Foundation
import GeoFormats
import Logging
import Reports
import Screening
import ScreeningTestSupport
import Synchronization

@testable import RedLineServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real `RedLineServer` on a free loopback port over the bundled data, started once per settings for the whole test
/// run, and a plain HTTP client (URLSession) to talk to it.
enum TestServer {
    /// The server with the default settings but a 1 MiB body limit (so the bench's 2 MB polygon tests the 413).
    static func standard() async throws -> URL {
        try await started(key: "standard") { settings in
            settings.maxBodyBytes = 1_048_576
        }
    }

    /// A server allowing 1 s per request, for the time limit.
    static func impatient() async throws -> URL {
        try await started(key: "impatient") { settings in
            settings.timeout = .seconds(1)
            settings.slots = 1
        }
    }

    private static let servers = Mutex<[String: Task<URL, any Error>]>([:])

    private static func started(key: String, configure: @escaping @Sendable (inout ServerSettings) -> Void) async throws -> URL {
        let task = servers.withLock { servers in
            if let task = servers[key] { return task }
            let task = Task<URL, any Error> {
                let session = try bundledSession()
                var settings = ServerSettings()
                settings.port = 0
                configure(&settings)
                let server = try RedLineServer(session: session, settings: settings)
                return try await withCheckedThrowingContinuation { continuation in
                    let once = Mutex(false)
                    Task {
                        do {
                            try await server.run(logger: Logger(label: "test")) { host, port in
                                if once.withLock({
                                    let first = !$0; $0 = true; return first
                                }) {
                                    continuation.resume(returning: URL(string: "http://\(host):\(port)")!)
                                }
                            }
                        } catch {
                            if once.withLock({
                                let first = !$0; $0 = true; return first
                            }) {
                                continuation.resume(throwing: error)
                            }
                        }
                    }
                }
            }
            servers[key] = task
            return task
        }
        return try await task.value
    }

    /// The session over the bundled geodata, as `redline serve` builds it.
    static func bundledSession() throws -> ScreeningSession {
        let dataset = try Dataset.load(folder: repositoryRoot.appendingPathComponent("geodata").path, files: GDALFeatureFiles())
        let ruleset = try Ruleset.load(contentsOf: dataset.rulesetPath)
        return try ScreeningSession(dataset: dataset, ruleset: ruleset, files: GDALFeatureFiles(), toolVersion: "0.1.0")
    }
}

/// An HTTP answer.
struct Answer: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    /// The body as JSON (nil when it is not).
    var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    /// The error body's members, when it is one.
    var error: [String: Any]? { json?["error"] as? [String: Any] }
}

/// Sends one request and waits for the whole answer.
func send(
    _ method: String, _ base: URL, _ path: String, body: Data? = nil, contentType: String? = nil, timeout: Double = 120
) async throws -> Answer {
    guard let url = URL(string: path, relativeTo: base) else { throw URLError(.badURL) }
    var request = URLRequest(url: url, timeoutInterval: timeout)
    request.httpMethod = method
    request.httpBody = body
    if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
    let (data, response) = try await URLSession.shared.data(for: request)
    guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
    var headers: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
        if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
    }
    return Answer(status: http.statusCode, headers: headers, body: data)
}

/// A multipart/form-data body with one file part named `file`.
func multipartBody(fileName: String, bytes: Data, boundary: String = "redline-test-boundary-7f3a") -> (body: Data, contentType: String) {
    var body = Data(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
    body.append(bytes)
    body.append(Data("\r\n--\(boundary)--\r\n".utf8))
    return (body, "multipart/form-data; boundary=\(boundary)")
}

/// The bundled examples (file URL and the verdict their expected report states).
func bundledExamples() throws -> [(url: URL, verdict: String)] {
    let folder = repositoryRoot.appendingPathComponent("geodata/examples")
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".geojson") }.sorted().map { name in
        let expected = folder.appendingPathComponent(name.replacingOccurrences(of: ".geojson", with: ".expected.json"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: expected)) as? [String: Any]
        // The expected files say "allowed" where the screening JSON says "clear".
        let verdict = object?["verdict"] as? String ?? ""
        return (folder.appendingPathComponent(name), verdict == "allowed" ? "clear" : verdict)
    }
}
