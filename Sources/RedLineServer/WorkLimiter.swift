import Dispatch
import Synchronization

/// Runs the CPU-bound work of requests (GEOS and PROJ calls that block) on threads of their own, at most `slots` at
/// once, with at most `queueLimit` requests waiting, and answers a request that takes longer than `timeout` with an
/// error instead of keeping its client waiting. Screening never runs on the server's event loops or on Swift's
/// cooperative pool, so a slow request does not stall the others' I/O.
final class WorkLimiter: Sendable {
    let slots: Int
    let queueLimit: Int
    let timeout: Duration
    private let state: Mutex<State>
    /// One serial queue per slot: each gets a thread of its own even when the machine is busy (a shared concurrent
    /// queue may run fewer at once than there are slots).
    private let queues: [DispatchQueue]

    private struct State {
        /// The slots (queue positions) not in use.
        var free: [Int]
        var waiting: [UnsafeContinuation<Int, Never>] = []
    }

    init(slots: Int, queueLimit: Int, timeout: Duration) {
        self.slots = max(1, slots)
        self.queueLimit = max(0, queueLimit)
        self.timeout = timeout
        queues = (0..<max(1, slots)).map { DispatchQueue(label: "redline.screening.\($0)") }
        state = Mutex(State(free: Array((0..<max(1, slots)).reversed())))
    }

    /// The number of requests running and waiting, for `/healthz`.
    var load: (running: Int, waiting: Int) { state.withLock { (slots - $0.free.count, $0.waiting.count) } }

    /// `work`'s value, computed on a screening thread once a slot is free. `work` is given a flag it should look at
    /// between units of work (features of a batch): it is set when the request timed out, so the slot comes back soon.
    ///
    /// - Throws: `APIError` 503 `busy` when too many requests are waiting, 503 `timed_out` after `timeout`; whatever
    ///   `work` throws.
    func run<Value: Sendable>(_ what: String, _ work: @escaping @Sendable (_ cancelled: CancellationFlag) throws -> Value) async throws -> Value {
        let slot = try await acquire(what)
        let flag = CancellationFlag()
        let outcome = Outcome<Value>()
        let timeout = self.timeout
        return try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Value, any Error>) in
                outcome.set(continuation)
                let timer = Task {
                    try await Task.sleep(for: timeout)
                    flag.set()
                    outcome.finish(
                        .failure(
                            APIError(
                                .serviceUnavailable, "timed_out",
                                "\(what) took longer than the server's limit of \(timeout.components.seconds) s and was cancelled; split the input or ask the administrator to raise --timeout"
                            )))
                }
                queues[slot].async {
                    // The slot is held until the work really ends, timed out or not, so that load stays bounded.
                    defer { self.release(slot) }
                    outcome.finish(Result { try work(flag) })
                    timer.cancel()
                }
            }
        } onCancel: {
            flag.set()
        }
    }

    /// A free slot, at once or after waiting in line.
    private func acquire(_ what: String) async throws -> Int {
        enum Admission { case now(Int), wait, refuse }
        let admission: Admission = state.withLock { state in
            if let slot = state.free.popLast() { return .now(slot) }
            return state.waiting.count < queueLimit ? .wait : .refuse
        }
        switch admission {
        case let .now(slot): return slot
        case .refuse:
            throw APIError(.serviceUnavailable, "busy", "the server is screening \(slots) requests with \(queueLimit) waiting; try \(what) again shortly")
        case .wait:
            return await withUnsafeContinuation { continuation in
                let slot: Int? = state.withLock { state in
                    // A slot may have come free between the check and here.
                    if let slot = state.free.popLast() { return slot }
                    state.waiting.append(continuation)
                    return nil
                }
                if let slot { continuation.resume(returning: slot) }
            }
        }
    }

    /// Hands the slot to the longest waiting request, or frees it.
    private func release(_ slot: Int) {
        let next: UnsafeContinuation<Int, Never>? = state.withLock { state in
            if state.waiting.isEmpty {
                state.free.append(slot)
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume(returning: slot)
    }
}

/// Set once when the request that started some work no longer wants its answer.
final class CancellationFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}

/// The first of the work's result and the timeout, delivered once.
private final class Outcome<Value: Sendable>: Sendable {
    private let state = Mutex<(continuation: UnsafeContinuation<Value, any Error>?, done: Bool)>((nil, false))

    func set(_ continuation: UnsafeContinuation<Value, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    func finish(_ result: Result<Value, any Error>) {
        let continuation: UnsafeContinuation<Value, any Error>? = state.withLock { state in
            guard !state.done else { return nil }
            state.done = true
            return state.continuation
        }
        continuation?.resume(with: result)
    }
}
