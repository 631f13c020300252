import Foundation
import JobQueue
import Testing

@Suite(.enabled(if: PostgresTestServer.enabled, "skipped: no PostgreSQL (CLOSER_TEST_POSTGRES_URL)"))
struct WaitTests {
    @Test func anEnqueueWakesAWaitingWorkerLongBeforeItsTimeout() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            let started = ContinuousClock.now
            async let signal = queue.waitForWork(kinds: LeaseTests.all, timeout: .seconds(20))
            try await Task.sleep(for: .milliseconds(500))
            _ = try await queue.enqueue(try LeaseTests.request("acme", "wake"))
            #expect(try await signal == .notified)
            let waited = ContinuousClock.now - started
            #expect(waited < .seconds(5), "woke after \(waited)")
            #expect(try await queue.lease(worker: "w", for: .seconds(60), kinds: LeaseTests.all) != nil)
        }
    }

    @Test func aWaitReturnsAtOnceForReadyWorkAtTheDueTimeOfDelayedWorkAndElseAtTheTimeout() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            #expect(try await queue.waitForWork(kinds: LeaseTests.all, timeout: .milliseconds(300)) == .timedOut)
            _ = try await queue.enqueue(try LeaseTests.request("acme", "soon", notBefore: Date().addingTimeInterval(0.6)))
            let started = ContinuousClock.now
            #expect(try await queue.waitForWork(kinds: LeaseTests.all, timeout: .seconds(20)) == .due)
            #expect(ContinuousClock.now - started < .seconds(5))
            #expect(try await queue.waitForWork(kinds: LeaseTests.all, timeout: .seconds(20)) == .ready)
            #expect(try await queue.waitForWork(kinds: [.webhookOut], timeout: .milliseconds(200)) == .timedOut, "other kinds' work wakes nobody")
        }
    }

    @Test func aWorkerHeldBackByACapWaitsForTheSlotToFree() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy(perTenant: 1)) { queue in
            _ = try await queue.enqueue(try LeaseTests.request("acme", "one"))
            _ = try await queue.enqueue(try LeaseTests.request("acme", "two"))
            let running = try #require(try await queue.lease(worker: "w1", for: .seconds(60), kinds: LeaseTests.all))
            async let signal = queue.waitForWork(kinds: LeaseTests.all, timeout: .seconds(20))
            try await Task.sleep(for: .milliseconds(500))
            try await queue.complete(running, .succeeded)
            #expect(try await signal == .notified)
            #expect(try await queue.lease(worker: "w2", for: .seconds(60), kinds: LeaseTests.all) != nil)
        }
    }
}
