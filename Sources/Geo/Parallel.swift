import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The number of cores online, the default number of workers.
public var defaultWorkerCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

/// Runs `body` for 0..<count on `workers` threads and returns the results in index order.
///
/// Workers take the next index from a shared counter, so uneven items balance themselves. Each call runs on a
/// Dispatch worker thread with that thread's own GEOS and PROJ contexts (Geo keeps them per thread); the first
/// error in index order is rethrown.
public func parallelMap<T: Sendable>(_ count: Int, workers: Int = defaultWorkerCount, _ body: @Sendable (Int) throws -> T) throws -> [T] {
    let results = Mutex<[Int: Result<T, any Error>]>([:])
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < count else { return }
            let result = Result { try body(index) }
            results.withLock { $0[index] = result }
        }
    }
    return try results.withLock { stored in
        try (0..<count).map { index in
            guard let result = stored[index] else { throw GeoError.invalidStructure("internal: parallel result \(index) missing") }
            return try result.get()
        }
    }
}

/// Runs `background` on another thread while `body` runs on this one, and returns both results.
public func concurrently<A: Sendable, B>(_ background: @escaping @Sendable () -> A, _ body: () throws -> B) rethrows -> (A, B) {
    let result = Mutex<A?>(nil)
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { result.withLock { $0 = background() } }
    let mine = try body()
    group.wait()
    return (result.withLock { $0 } ?? background(), mine)
}
