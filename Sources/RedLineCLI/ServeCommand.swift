import ArgumentParser
import Foundation
import Logging
import RedLineServer

/// `redline serve`: the HTTP API and the web page over the dataset, loaded once.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the screening API (/v1) and the offline web page (/) over HTTP.",
        discussion: """
            Loads the data folder and ruleset once and answers requests concurrently: POST /v1/screen, POST /v1/batch, \
            GET /v1/zones, /v1/rules, /v1/dataset and /healthz (docs/api.md). Listens on 127.0.0.1 unless --host says \
            otherwise; put it behind a reverse proxy for TLS (README). Stop it with Ctrl-C or SIGTERM.
            """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(
        name: .long, help: "Address to listen on. Anything but 127.0.0.1/localhost exposes the server to the network: say so explicitly, e.g. --host 0.0.0.0.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "TCP port (0 takes a free one; the address is printed when the server listens).")
    var port = 8080

    @Option(name: .customLong("max-body-mib"), help: "Largest request body in MiB; larger ones are answered 413.")
    var maxBodyMiB = 64

    @Option(name: .long, help: "Seconds a request may screen before it is answered 503 timed_out.")
    var timeout = 60

    @Option(name: .long, help: "Requests screened at once (default: one per core).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("queue"), help: "Requests that may wait for a free slot; more are answered 503 busy.")
    var queueLimit = 1024

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port \(port) is not a TCP port (0–65535)") }
        if maxBodyMiB < 1 { throw ValidationError("--max-body-mib must be at least 1") }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        var settings = ServerSettings()
        settings.host = host
        settings.port = port
        settings.maxBodyBytes = maxBodyMiB * 1_048_576
        settings.timeout = .seconds(timeout)
        settings.slots = jobs
        settings.queueLimit = max(0, queueLimit)
        let server: RedLineServer
        do {
            let session = try dataOptions.session()
            server = try RedLineServer(session: session, settings: settings)
        } catch {
            FileHandle.standardError.write(Data("redline serve: \(error)\(HintText.suffix(for: error, command: "serve"))\n".utf8))
            throw ExitCode(ExitStatus.error)
        }
        var logger = Logger(label: "redline.serve")
        logger.logLevel = .warning
        do {
            try await server.run(logger: logger) { host, port in
                // The first line on standard output, so a script (or a test) can read where to connect.
                FileHandle.standardOutput.write(Data("RedLine serving on http://\(host):\(port)/ (API: /v1, web page: /)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("redline serve: cannot serve on \(host):\(port): \(error)\n".utf8))
            throw ExitCode(ExitStatus.error)
        }
    }
}
