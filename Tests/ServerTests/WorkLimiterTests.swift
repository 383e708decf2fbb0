import Foundation
import Synchronization
import Testing

@testable import RedLineServer

@Suite("Bounded work: slots, a waiting line, a time limit")
struct WorkLimiterTests {
    /// A gate work waits at until the test opens it.
    final class Gate: Sendable {
        let semaphore = DispatchSemaphore(value: 0)
        func open(_ count: Int = 1) { for _ in 0..<count { semaphore.signal() } }
        func wait() { semaphore.wait() }
    }

    @Test("with every slot busy and the line full, one more request is refused as busy; the waiting one runs when a slot frees")
    func busy() async throws {
        let limiter = WorkLimiter(slots: 1, queueLimit: 1, timeout: .seconds(30))
        let gate = Gate()
        let first = Task {
            try await limiter.run("first") { _ in
                gate.wait(); return 1
            }
        }
        while limiter.load.running < 1 { try await Task.sleep(for: .milliseconds(5)) }
        let second = Task { try await limiter.run("second") { _ in 2 } }
        while limiter.load.waiting < 1 { try await Task.sleep(for: .milliseconds(5)) }
        await #expect {
            try await limiter.run("third") { _ in 3 }
        } throws: { error in
            (error as? APIError)?.code == "busy" && (error as? APIError)?.status == .serviceUnavailable
        }
        gate.open()
        #expect(try await first.value == 1)
        #expect(try await second.value == 2)
        #expect(limiter.load.running == 0 && limiter.load.waiting == 0)
    }

    @Test("work over the time limit is answered timed_out at the limit, its flag is set, and its slot comes back when it ends")
    func timeout() async throws {
        let limiter = WorkLimiter(slots: 1, queueLimit: 4, timeout: .milliseconds(200))
        let sawFlag = Atomic<Bool>(false)
        let started = ContinuousClock.now
        await #expect {
            try await limiter.run("slow work") { cancelled in
                while !cancelled.isSet { usleep(1000) }
                sawFlag.store(true, ordering: .relaxed)
                return 0
            }
        } throws: { error in
            (error as? APIError)?.code == "timed_out"
        }
        let waited = ContinuousClock.now - started
        // Only the timer ends this work (it spins until the flag is set), so an answer at all is the time limit working.
        #expect(waited >= .milliseconds(200), "\(waited)")
        while limiter.load.running > 0 { try await Task.sleep(for: .milliseconds(5)) }
        let flagged = sawFlag.load(ordering: .relaxed)
        #expect(flagged)
        #expect(try await limiter.run("quick work") { _ in 7 } == 7)
    }

    final class Counts: Sendable {
        let running = Atomic<Int>(0)
        let most = Atomic<Int>(0)
    }

    @Test("no more than `slots` pieces of work run at once, however many are started")
    func bounded() async throws {
        let limiter = WorkLimiter(slots: 3, queueLimit: 100, timeout: .seconds(30))
        let counts = Counts()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<40 {
                group.addTask {
                    try await limiter.run("work \(index)") { _ in
                        let now = counts.running.add(1, ordering: .relaxed).newValue
                        _ = counts.most.max(now, ordering: .relaxed)
                        usleep(2000)
                        counts.running.subtract(1, ordering: .relaxed)
                        return index
                    }
                }
            }
            var seen = Set<Int>()
            for try await index in group { seen.insert(index) }
            #expect(seen == Set(0..<40))
        }
        let peak = counts.most.load(ordering: .relaxed)
        #expect(peak <= 3 && peak >= 2, "\(peak)")
    }
}
