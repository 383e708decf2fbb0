import Foundation
import Geo
import Hummingbird
import MultipartKit
import NIOCore
import Screening

/// A submitted file as the request carried it: a name (which says its format, as a file's extension does for the
/// CLI), its bytes, and the fields of a multipart form.
struct Upload: Sendable {
    /// The name reports give the input: the uploaded file's name, `filename=`, or `request.<ext>` by content type.
    var name: String
    var bytes: [UInt8]
    var fields: [String: String] = [:]

    /// Content types and the extension a body of that type is read as.
    static let extensions: [String: String] = [
        "application/geo+json": "geojson", "application/json": "geojson", "application/x-ndjson": "ndjson",
        "application/geo+json-seq": "ndjson", "application/jsonl": "ndjson", "text/plain": "txt", "application/zip": "zip",
        "application/vnd.google-earth.kml+xml": "kml", "application/vnd.google-earth.kmz": "kmz",
        "application/geopackage+sqlite3": "gpkg", "application/octet-stream": "",
    ]

    /// Reads the body (at most `limit` bytes) of a raw or multipart request.
    ///
    /// - Throws: `APIError` 413 over the limit, 415 for a content type the API does not read, 400 for an empty body or a
    ///   broken form.
    static func read(_ request: Request, limit: Int, filename: String?) async throws -> Upload {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw tooLarge(limit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw tooLarge(limit)
        }
        let contentType = request.headers[.contentType] ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if mediaType == "multipart/form-data" {
            return try multipart(buffer, contentType: contentType, filename: filename)
        }
        guard let fileExtension = extensions[mediaType] else {
            throw APIError(
                .unsupportedMediaType, "unsupported_media_type",
                "cannot read a body of type \"\(contentType)\"; send application/geo+json (a Feature or geometry), application/x-ndjson, "
                    + "text/plain (界址点), application/zip (a zipped Shapefile), KML/KMZ, GeoPackage, or multipart/form-data with a part named \"file\""
            )
        }
        guard buffer.readableBytes > 0 else { throw APIError(.badRequest, "empty_body", "the request has no body; send the footprint") }
        let name = filename.map(safeName) ?? (fileExtension.isEmpty ? nil : "request.\(fileExtension)")
        guard let name else {
            throw APIError(.badRequest, "bad_parameter", "an application/octet-stream body needs filename=NAME.EXT to say its format")
        }
        return Upload(name: name, bytes: Array(buffer.readableBytesView))
    }

    private static func tooLarge(_ limit: Int) -> APIError {
        APIError(
            .contentTooLarge, "body_too_large",
            "the request body is larger than the server's limit of \(limit / 1_048_576) MiB (\(limit) bytes); split it or ask the administrator to raise --max-body-mib"
        )
    }

    /// The form's part named `file` (or its first part with a file name) and its other fields.
    private static func multipart(_ buffer: ByteBuffer, contentType: String, filename: String?) throws -> Upload {
        guard let boundary = parameter("boundary", of: contentType) else {
            throw APIError(.badRequest, "malformed_form", "multipart/form-data without a boundary parameter")
        }
        var parts: [MultipartPart] = []
        var current = MultipartPart(body: ByteBuffer())
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in current.headers.add(name: name, value: value) }
        parser.onBody = { body in current.body.writeBuffer(&body) }
        parser.onPartComplete = {
            parts.append(current)
            current = MultipartPart(body: ByteBuffer())
        }
        do { try parser.execute(buffer) } catch {
            throw APIError(.badRequest, "malformed_form", "the multipart form cannot be read: \(error)")
        }
        var fields: [String: String] = [:]
        var file: (name: String, part: MultipartPart)?
        for part in parts {
            let disposition = part.headers.first(name: "Content-Disposition") ?? ""
            let fieldName = parameter("name", of: disposition) ?? ""
            if let partFilename = parameter("filename", of: disposition), file == nil || fieldName == "file" {
                file = (partFilename, part)
            } else if fieldName == "file", file == nil {
                file = ("", part)
            } else if !fieldName.isEmpty {
                fields[fieldName] = part.body.getString(at: part.body.readerIndex, length: part.body.readableBytes) ?? ""
            }
        }
        guard let file, file.part.body.readableBytes > 0 else {
            throw APIError(.badRequest, "empty_body", "the form has no file: send the footprint in a part named \"file\"")
        }
        let name = filename ?? (file.name.isEmpty ? "request.geojson" : file.name)
        return Upload(name: safeName(name), bytes: Array(file.part.body.readableBytesView), fields: fields)
    }

    /// A header parameter (`boundary=…`, `filename="…"`), unquoted.
    static func parameter(_ key: String, of header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// The last path component, without control characters: the name reports give and the temporary file's name.
    static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(120).map(Character.init))
        return clean.isEmpty || clean.hasPrefix(".") ? "request" + clean : clean
    }

    /// Runs `body` with a path the submission can be read at: the name itself for what is read from the bytes, a file
    /// in a private temporary folder for what GDAL reads by path (removed afterwards). Messages that name the temporary
    /// path are given the upload's name instead.
    func withReadablePath<Value>(files: any FeatureFileReader, _ body: (String) throws -> Value) throws -> Value {
        guard files.reads(name) else { return try body(name) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            return try body(path)
        } catch {
            var answer = APIError(error)
            answer.message = answer.message.replacingOccurrences(of: folder.path + "/", with: "")
            throw answer
        }
    }
}
