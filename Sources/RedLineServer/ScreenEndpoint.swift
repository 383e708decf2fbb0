import Foundation
import HTTPTypes
import Hummingbird
import Reports
import Screening

extension RedLineServer {
    /// `POST /v1/screen`: one footprint (a GeoJSON Feature or geometry, or an uploaded file in any format the CLI
    /// reads) screened and reported exactly as `redline screen` reports the same file.
    func screen(_ request: Request) async throws -> Response {
        let query = request.queryValues
        // Parameters are checked before the body is read, so a typo is answered at once.
        _ = try ScreenParameters(query: query)
        let upload = try await Upload.read(request, limit: settings.maxBodyBytes, filename: query["filename"])
        let parameters = try ScreenParameters(query: query, fields: upload.fields)
        let session = self.session
        let (body, verdict) = try await limiter.run("the screening") { _ in
            try upload.withReadablePath(files: session.files) { path in
                let candidates = try Submission.features(atPath: path, bytes: upload.bytes, files: session.files, options: parameters.options)
                let only = try Submission.single(candidates, selector: parameters.feature, file: upload.name)
                let (output, verdict) = try session.report(
                    for: only, file: upload.name, inputSHA256: sha256Hex(upload.bytes), on: parameters.day, format: parameters.reportFormat,
                    language: parameters.language)
                let bytes = parameters.format == .pdf ? ByteBuffer(bytes: [UInt8](try PDFPrinter.print(html: output))) : ByteBuffer(string: output)
                return (bytes, verdict)
            }
        }
        var headers: HTTPFields = [.contentType: parameters.contentType]
        // The verdict in a header too, so a client that asked for HTML or PDF need not parse the report for it.
        if let verdictHeader = HTTPField.Name("X-RedLine-Verdict") { headers[verdictHeader] = verdict.rawValue }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}
