internal import CGEOS
import Synchronization

/// A GEOS context handle owned by exactly one thread.
///
/// Every GEOS call in this module goes through `GEOSContext.current`, so no context is ever shared
/// between threads. GEOS reports errors through a message handler; this object keeps the last
/// message so that the failing call can put it into a `GeoError`.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    private(set) var lastMessage: String?

    /// `GEOS_init_r` has a known race in GEOS 3.11 when contexts are created concurrently: create them one at a time.
    private static let creationLock = Mutex(())

    private static let perThread = ThreadLocal { GEOSContext() }

    /// The calling thread's context.
    static var current: GEOSContext { perThread.value }

    private init() {
        guard let handle = GEOSContext.creationLock.withLock({ _ in GEOS_init_r() }) else {
            fatalError("GEOS_init_r returned NULL: out of memory")
        }
        self.handle = handle
        let me = Unmanaged.passUnretained(self).toOpaque()
        GEOSContext_setErrorMessageHandler_r(
            handle,
            { message, userdata in
                guard let message, let userdata else { return }
                Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue().lastMessage = String(cString: message)
            }, me)
        // Notices (for example "Self-intersection at or near point") are not errors; validity reports them itself.
        GEOSContext_setNoticeMessageHandler_r(handle, { _, _ in }, nil)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// Forget the last message before a call, so that a stale one is never reported.
    func clearMessage() {
        lastMessage = nil
    }

    /// The error to throw after a GEOS call signalled failure.
    func error(_ operation: String) -> GeoError {
        let message = lastMessage ?? "GEOS reported a failure without a message"
        lastMessage = nil
        return .geos(operation: operation, message: message)
    }
}

extension GEOSContext {
    /// Runs a GEOS call that returns a new geometry (or NULL on failure) and wraps the result.
    func makeGeometry(_ operation: String, _ call: (GEOSContextHandle_t) -> OpaquePointer?) throws -> Geometry {
        clearMessage()
        guard let result = call(handle) else { throw error(operation) }
        return Geometry(owning: result)
    }

    /// Runs a GEOS predicate (1 true, 0 false, 2 exception).
    func predicate(_ operation: String, _ call: (GEOSContextHandle_t) -> CChar) throws -> Bool {
        clearMessage()
        switch call(handle) {
        case 1: return true
        case 0: return false
        default: throw error(operation)
        }
    }

    /// Runs a GEOS call returning a double through an out-parameter (1 success, 0 failure).
    func measure(_ operation: String, _ call: (GEOSContextHandle_t, UnsafeMutablePointer<Double>) -> Int32) throws -> Double {
        clearMessage()
        var value = 0.0
        guard call(handle, &value) == 1 else { throw error(operation) }
        return value
    }
}
