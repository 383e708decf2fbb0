import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `redline serve` started as a user starts it, on a free port, and stopped with SIGTERM.
final class RunningServer {
    let process = Process()
    let base: URL

    init(_ arguments: [String] = []) throws {
        process.executableURL = try redlineBinary()
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line says where it listens: "RedLine serving on http://127.0.0.1:PORT/ …".
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let start = text.range(of: "http://"), let end = text[start.lowerBound...].firstIndex(of: " "),
            let url = URL(string: String(text[start.lowerBound..<end]))
        else {
            process.terminate()
            struct NotListening: Error, CustomStringConvertible { var description: String }
            throw NotListening(description: "redline serve did not say where it listens: \(text)")
        }
        base = url
    }

    /// SIGTERM, then the exit status (nil when it did not stop within 10 s).
    func stop() -> Int32? {
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

    func post(_ path: String, body: Data, contentType: String) async throws -> (status: Int, body: Data) {
        guard let url = URL(string: path, relativeTo: base) else { throw URLError(.badURL) }
        var request = URLRequest(url: url, timeoutInterval: 120)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }
}

@Suite("redline serve answers exactly what redline screen prints")
struct ServeCommandTests {
    @Test("every bundled example, as JSON, text and HTML in both languages: the server's bytes are the CLI's bytes")
    func examplesMatchTheCLI() async throws {
        let server = try RunningServer()
        let folder = root.appendingPathComponent("geodata/examples")
        for path in examples {
            let name = (path as NSString).lastPathComponent
            let body = try Data(contentsOf: root.appendingPathComponent(path))
            for (format, lang) in [("json", "en"), ("text", "zh"), ("html", "en"), ("geojson", "en")]
            where format == "json" || name.contains("pig_farm") || name.contains("solar") {
                let cli = try redline(["screen", name, "--format", format, "--lang", lang], directory: folder)
                let answer = try await server.post("/v1/screen?filename=\(name)&format=\(format)&lang=\(lang)", body: body, contentType: "application/geo+json")
                #expect(answer.status == 200, "\(name) \(format): \(String(decoding: answer.body, as: UTF8.self))")
                #expect(String(decoding: answer.body, as: UTF8.self) == cli.stdout, "\(name) as \(format)/\(lang) differs from the CLI's")
            }
        }
        #expect(server.stop() == 0, "SIGTERM ends the server cleanly")
    }

    @Test("a 界址点 file, a zipped Shapefile and a KML upload give the CLI's report for the same file")
    func uploadsMatchTheCLI() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = root.appendingPathComponent("geodata/examples/jz_solar_partly_in_redline.geojson").path
        for output in ["site.txt", "site.kml", "shape/site.shp"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("shape"), withIntermediateDirectories: true)
            let converted = try redline(["convert", example, folder.appendingPathComponent(output).path])
            #expect(converted.status == 0, "\(converted.stderr)")
        }
        // A Shapefile travels zipped: .shp with its .shx, .dbf, .prj and .cpg.
        let zip = Process()
        zip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        zip.arguments =
            ["python3", "-m", "zipfile", "-c", folder.appendingPathComponent("site.zip").path]
            + (try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("shape").path)).sorted().map {
                folder.appendingPathComponent("shape/\($0)").path
            }
        try zip.run()
        zip.waitUntilExit()
        #expect(zip.terminationStatus == 0)
        let server = try RunningServer()
        for name in ["site.txt", "site.kml", "site.zip"] {
            let cli = try redline(["screen", name, "--format", "json", "--category", "PV"], directory: folder)
            #expect(cli.status == 4, "\(name): \(cli.stderr)")
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            let boundary = "redline-\(UUID().uuidString)"
            var body = Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body.append(bytes)
            body.append(Data("\r\n--\(boundary)--\r\n".utf8))
            let answer = try await server.post("/v1/screen?category=PV", body: body, contentType: "multipart/form-data; boundary=\(boundary)")
            #expect(answer.status == 200, "\(name): \(String(decoding: answer.body, as: UTF8.self))")
            #expect(String(decoding: answer.body, as: UTF8.self) == cli.stdout, "\(name): the upload's report differs from the CLI's")
        }
        #expect(server.stop() == 0)
    }
}
