import Dispatch
import Synchronization

/// Runs `body` for 0..<count on all cores and returns the results in index order.
///
/// Each call runs on a Dispatch worker thread with that thread's own GEOS and PROJ contexts (Geo keeps
/// them per thread); the first error stops the collection and is rethrown.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
    let results = Mutex<[Int: Result<T, any Error>]>([:])
    DispatchQueue.concurrentPerform(iterations: count) { index in
        let result = Result { try body(index) }
        results.withLock { $0[index] = result }
    }
    return try results.withLock { stored in
        try (0..<count).map { index in
            guard let result = stored[index] else { throw ScreeningError.data(file: "", feature: nil, message: "internal: result \(index) missing") }
            return try result.get()
        }
    }
}
