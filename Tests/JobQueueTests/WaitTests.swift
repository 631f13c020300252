import Foundation
@testable import JobQueue
import PostgresNIO
import PostgresSupport
import Testing

@Suite(.enabled(if: PostgresTestServer.enabled, "skipped: no PostgreSQL (CLOSER_TEST_POSTGRES_URL)"))
struct WaitTests {
    @Test func anEnqueueWakesAWaitingWorkerLongBeforeItsTimeout() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            let started = ContinuousClock.now
            async let signal = queue.waitForWork(kinds: LeaseTests.all, timeout: .seconds(60))
            try await Self.untilWaiting(in: queue)
            _ = try await queue.enqueue(try LeaseTests.request("acme", "wake"))
            #expect(try await signal == .notified)
            let waited = ContinuousClock.now - started
            #expect(waited < .seconds(15), "woke after \(waited) of its minute")
            #expect(try await queue.lease(worker: "w", for: .seconds(60), kinds: LeaseTests.all) != nil)
        }
    }

    @Test func aWaitReturnsAtOnceForReadyWorkAtTheDueTimeOfDelayedWorkAndElseAtTheTimeout() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            #expect(try await queue.waitForWork(kinds: LeaseTests.all, timeout: .milliseconds(300)) == .timedOut)
            _ = try await queue.enqueue(try LeaseTests.request("acme", "soon", notBefore: Date().addingTimeInterval(3)))
            let started = ContinuousClock.now
            #expect(try await queue.waitForWork(kinds: LeaseTests.all, timeout: .seconds(60)) == .due)
            #expect(ContinuousClock.now - started < .seconds(15))
            #expect(try await queue.waitForWork(kinds: LeaseTests.all, timeout: .seconds(20)) == .ready)
            #expect(try await queue.waitForWork(kinds: [.webhookOut], timeout: .milliseconds(200)) == .timedOut, "other kinds' work wakes nobody")
        }
    }

    @Test func aWorkerHeldBackByACapWaitsForTheSlotToFree() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy(perTenant: 1)) { queue in
            _ = try await queue.enqueue(try LeaseTests.request("acme", "one"))
            _ = try await queue.enqueue(try LeaseTests.request("acme", "two"))
            let running = try #require(try await queue.lease(worker: "w1", for: .seconds(60), kinds: LeaseTests.all))
            async let signal = queue.waitForWork(kinds: LeaseTests.all, timeout: .seconds(60))
            try await Self.untilWaiting(in: queue)
            try await queue.complete(running, .succeeded)
            #expect(try await signal == .notified)
            #expect(try await queue.lease(worker: "w2", for: .seconds(60), kinds: LeaseTests.all) != nil)
        }
    }

    /// Until a waiter of this queue has looked at it and sits listening (its session idle after the look), so
    /// that what the test does next can only reach it as a notification.
    static func untilWaiting(in queue: PostgresJobQueue) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let rows = try await queue.client.query("""
                SELECT count(*) FROM pg_stat_activity WHERE state = 'idle' AND query LIKE \("%" + queue.jobsTable + "%min(lease_expires_at)%")
                """)
            for try await count in rows.decode(Int.self) where count > 0 { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("no waiter started listening within 30 s")
    }
}
