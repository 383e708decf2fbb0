import Hummingbird

/// The web page at `/`: three files embedded in the binary (Sources/RedLineServer/Web), so the page needs nothing but
/// this server — no CDN, tiles or fonts from the internet.
enum WebPage {
    static let files: [(path: String, contentType: String, bytes: [UInt8])] = [
        ("/", "text/html; charset=utf-8", PackageResources.index_html),
        ("/index.html", "text/html; charset=utf-8", PackageResources.index_html),
        ("/app.js", "text/javascript; charset=utf-8", PackageResources.app_js),
        ("/style.css", "text/css; charset=utf-8", PackageResources.style_css),
    ]

    static func addRoutes(to router: Router<BasicRequestContext>) {
        for file in files {
            let headers: HTTPFields = [
                .contentType: file.contentType, .cacheControl: "no-cache",
                // The page may load only from this server: a second line of defence for "nothing from the internet".
                .contentSecurityPolicy: "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'",
            ]
            let body = ByteBuffer(bytes: file.bytes)
            router.get(RouterPath(file.path)) { _, _ in Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body)) }
        }
    }
}
