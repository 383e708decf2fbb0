import Foundation
import Geo
import Hummingbird
import Reports
import Screening

extension RedLineServer {
    /// Projects screened together in one slot of the work limiter; small, so that a long batch shares the cores with
    /// single screenings arriving meanwhile.
    static let batchChunk = 16

    /// `POST /v1/batch`: a FeatureCollection or newline-delimited GeoJSON (or any file the CLI's batch reads), every
    /// feature one project; the answer is NDJSON streamed as projects are screened, one `results.jsonl` line per
    /// feature in input order, an error line for a feature that cannot be screened.
    func batch(_ request: Request) async throws -> Response {
        let query = request.queryValues
        let allowed = ScreenParameters.names.subtracting(["format", "lang", "feature"])
        _ = try ScreenParameters(query: query, allowing: allowed)
        let upload = try await Upload.read(request, limit: settings.maxBodyBytes, filename: query["filename"])
        var parameters = try ScreenParameters(query: query, fields: upload.fields, allowing: allowed)
        // As `redline batch`: the request's category and attributes fill what a feature leaves out.
        parameters.options.defaults = parameters.options.overrides
        parameters.options.overrides = ProjectOverrides()
        if let category = parameters.options.defaults.category { _ = try session.ruleset.category(category) }
        let session = self.session, options = parameters.options
        let features = try await limiter.run("reading the batch") { _ in
            try upload.withReadablePath(files: session.files) { path in
                Submission.batchFeatures(atPath: path, bytes: upload.bytes, files: session.files, options: options)
            }
        }
        let sha256 = sha256Hex(upload.bytes), day = parameters.day, name = upload.name
        let limiter = self.limiter, window = max(1, settings.slots)
        let started = ContinuousClock.now, limit = settings.timeout
        let body = ResponseBody { writer in
            let chunks = stride(from: 0, to: features.count, by: Self.batchChunk).map { Array(features[$0..<min(features.count, $0 + Self.batchChunk)]) }
            // Up to `window` chunks screen at once; their lines are written in input order.
            var pending: [Task<[String], any Error>] = []
            var next = 0
            while next < chunks.count || !pending.isEmpty {
                while pending.count < window, next < chunks.count {
                    let chunk = chunks[next]
                    pending.append(
                        Task {
                            try await limiter.run("the batch") { cancelled in
                                cancelled.isSet ? [] : session.jsonLines(for: chunk, file: name, inputSHA256: sha256, on: day, workers: 1)
                            }
                        })
                    next += 1
                }
                let lines: [String]
                do {
                    lines = try await pending.removeFirst().value
                } catch {
                    pending.forEach { $0.cancel() }
                    try await writer.write(ByteBuffer(string: Self.stopLine(APIError(error))))
                    break
                }
                try await writer.write(ByteBuffer(string: lines.joined()))
                if ContinuousClock.now - started > limit, next < chunks.count || !pending.isEmpty {
                    pending.forEach { $0.cancel() }
                    let error = APIError(
                        .serviceUnavailable, "timed_out",
                        "the batch took longer than the server's limit of \(limit.components.seconds) s; the lines above are complete, the rest were not screened: send them again in smaller requests"
                    )
                    try await writer.write(ByteBuffer(string: Self.stopLine(error)))
                    break
                }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson; charset=utf-8"], body: body)
    }

    /// The last line of a batch that had to stop: the error, so a client can tell a cut-off stream from a whole one.
    static func stopLine(_ error: APIError) -> String {
        JSONValue.object(
            JSONObject([
                "schema": .string(JSONReport.schema),
                "stopped": .object(
                    JSONObject(["status": .number(JSONNumber(error.status.code)), "code": .string(error.code), "message": .string(error.message)])),
            ])
        ).compact() + "\n"
    }
}
