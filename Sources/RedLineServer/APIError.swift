import Geo
import HTTPTypes
import Hummingbird
import NIOCore
import Reports
import Screening

/// An answer that is not a result: an HTTP status and a JSON body `{"error": {"status", "code", "message", "feature"}}`
/// whose message names the input, the feature and the problem, as the CLI's error lines do.
struct APIError: HTTPResponseError, CustomStringConvertible {
    var status: HTTPResponse.Status
    /// A stable machine-readable code (documented in docs/api.md).
    var code: String
    var message: String
    /// The feature's index or id, when the problem is one feature's.
    var feature: String?

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String, feature: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.feature = feature
    }

    var description: String { "\(status.code) \(code): \(message)" }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = JSONValue.object(
            JSONObject([
                "error": .object(
                    JSONObject([
                        "status": .number(JSONNumber(status.code)), "code": .string(code), "message": .string(message),
                        "feature": feature.map(JSONValue.string) ?? .null,
                    ]))
            ]))
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if status == .serviceUnavailable { headers[.retryAfter] = "1" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body.prettyPrinted() + "\n")))
    }
}

extension APIError {
    /// The answer for an error of reading or screening a submission. Malformed text is 400; text that parses but
    /// cannot be screened (a bad geometry, an unknown category, a site outside the data) is 422.
    init(_ error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let error as GeoJSONError:
            self.init(.badRequest, "malformed_input", error.description)
        case let error as ScreeningError:
            self.init(.unprocessableContent, Self.code(of: error), error.description + Self.hint(for: error), feature: Self.feature(of: error))
        case let error as GeoError:
            self.init(.unprocessableContent, "invalid_geometry", "\(error)")
        case let error as PDFPrinter.Failure:
            self.init(.serviceUnavailable, "pdf_unavailable", error.description)
        default:
            self.init(.internalServerError, "internal", "\(error)")
        }
    }

    private static func code(of error: ScreeningError) -> String {
        switch error {
        case .unknownCategory: "unknown_category"
        case .attribute: "invalid_attribute"
        case .footprint(_, _, _, .chooseFeature): "choose_feature"
        case .footprint: "invalid_footprint"
        case .unknownKind, .unknownLevel, .data, .ruleset, .invalidData: "invalid_data"
        }
    }

    private static func feature(of error: ScreeningError) -> String? {
        if case let .footprint(_, feature, _, _) = error { return feature }
        return nil
    }

    /// The API's words for what the library says a user can do: a query parameter or another endpoint.
    private static func hint(for error: ScreeningError) -> String {
        guard let hint = error.hint else { return "" }
        let words: String? =
            switch hint {
            case .stateAttribute(let name): "give \(name)=… in the query"
            case .repairGeometry: "repair=true screens GEOS's repair"
            case .declareCRS: "crs=EPSG:n declares it"
            case .conflictingCRS: "drop crs= or the file's crs member"
            case .chooseFeature: "feature=INDEX|ID picks one; POST /v1/batch screens them all"
            case .chooseData, .giveMapping, .chooseProfile, .replaceOutput: nil
            }
        return words.map { " (\($0))" } ?? ""
    }
}

/// Answers every failure with the JSON error body: Hummingbird's own (no route, wrong method, body too large) and
/// anything a handler throws.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError {
            let message =
                error.body
                ?? (error.status == .notFound ? "no such path: \(request.method) \(request.uri.path) (see GET /v1 or docs/api.md)" : error.status.reasonPhrase)
            throw APIError(error.status, error.status == .notFound ? "not_found" : "http_\(error.status.code)", message)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "body_too_large", "the request body is larger than the server's limit")
        } catch {
            throw APIError(error)
        }
    }
}
