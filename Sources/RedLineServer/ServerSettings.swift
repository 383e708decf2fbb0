import Foundation

/// How `redline serve` listens and what it allows a request.
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    /// 0 takes a free port (the one bound is reported when the server listens).
    public var port = 8080
    /// The largest request body read, in bytes; larger ones are answered 413.
    public var maxBodyBytes = 64 * 1_048_576
    /// How long a request may screen before it is answered 503 `timed_out`.
    public var timeout: Duration = .seconds(60)
    /// How many requests screen at once (default: one per core).
    public var slots = ProcessInfo.processInfo.activeProcessorCount
    /// How many requests may wait for a slot before more are answered 503 `busy`.
    public var queueLimit = 1024

    public init() {}
}
