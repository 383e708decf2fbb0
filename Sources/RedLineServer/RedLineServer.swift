import Foundation
import Hummingbird
import Logging
import Reports
import Screening

/// `redline serve`: the HTTP API under `/v1` and the web page at `/`, over one `ScreeningSession` loaded once.
public struct RedLineServer: Sendable {
    let session: ScreeningSession
    let settings: ServerSettings
    let limiter: WorkLimiter
    let catalog: CatalogAnswers

    public init(session: ScreeningSession, settings: ServerSettings) throws {
        self.session = session
        self.settings = settings
        limiter = WorkLimiter(slots: settings.slots, queueLimit: settings.queueLimit, timeout: settings.timeout)
        catalog = try CatalogAnswers(session: session)
    }

    /// Serves until the process gets SIGINT or SIGTERM; `onListening` is told the address bound (with the real port
    /// when `settings.port` is 0).
    public func run(logger: Logger, onListening: @escaping @Sendable (_ host: String, _ port: Int) -> Void) async throws {
        let host = settings.host
        let app = Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: settings.port), serverName: "RedLine"),
            onServerRunning: { channel in onListening(host, channel.localAddress?.port ?? 0) },
            logger: logger
        )
        try await app.runService()
    }

    /// The API's endpoints, as docs/openapi.yaml describes them (a test holds the two together).
    static let endpoints: [(method: String, path: String)] = [
        ("POST", "/v1/screen"), ("POST", "/v1/batch"), ("GET", "/v1/zones"), ("GET", "/v1/rules"), ("GET", "/v1/rules/ruleset.json"),
        ("GET", "/v1/dataset"), ("GET", "/v1"), ("GET", "/healthz"),
    ]

    func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: JSONErrorMiddleware())
        WebPage.addRoutes(to: router)
        router.get("/healthz") { _, _ in catalog.health(load: limiter.load) }
        router.get("/v1") { _, _ in catalog.index }
        router.get("/v1/rules") { _, _ in catalog.rules }
        router.get("/v1/rules/ruleset.json") { _, _ in catalog.rulesetFile }
        router.get("/v1/dataset") { _, _ in catalog.dataset }
        router.get("/v1/zones") { request, _ in try await zones(request) }
        router.post("/v1/screen") { request, _ in try await screen(request) }
        router.post("/v1/batch") { request, _ in try await batch(request) }
        return router
    }
}

/// A JSON body with its content type.
func jsonResponse(_ text: String, status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8") -> Response {
    Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
}
