import Foundation
@testable import JobQueue
import PostgresNIO
import PostgresSupport
import Testing

@Suite(.enabled(if: PostgresTestServer.enabled, "skipped: no PostgreSQL (CLOSER_TEST_POSTGRES_URL)"))
struct WaitTests {
    @Test func anEnqueueWakesAWaitingWorkerLongBeforeItsTimeout() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            // The timeout is long and the bound loose: on a loaded machine (CI builds, other suites) the wake-up
            // itself may take seconds, but never the five minutes a wait without the notification would.
            let started = ContinuousClock.now
            async let signal = queue.waitForWork(kinds: LeaseTests.all, timeout: .seconds(300))
            try await Self.untilWaiting(in: queue)
            _ = try await queue.enqueue(try LeaseTests.request("acme", "wake"))
            #expect(try await signal == .notified)
            let waited = ContinuousClock.now - started
            #expect(waited < .seconds(120), "woke after \(waited) of its five minutes")
            #expect(try await queue.lease(worker: "w", for: .seconds(60), kinds: LeaseTests.all) != nil)
        }
    }

    @Test func aWaitReturnsAtOnceForReadyWorkAtTheDueTimeOfDelayedWorkAndElseAtTheTimeout() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            #expect(try await queue.waitForWork(kinds: LeaseTests.all, timeout: .milliseconds(300)) == .timedOut)
            let notBefore = Date().addingTimeInterval(3)
            _ = try await queue.enqueue(try LeaseTests.request("acme", "soon", notBefore: notBefore))
            let started = ContinuousClock.now
            let waitBegan = Date()
            let signal = try await queue.waitForWork(kinds: LeaseTests.all, timeout: .seconds(300))
            // A wait that began near or after the not-before (a loaded machine) may find the job ready at once instead.
            let early = waitBegan < notBefore.addingTimeInterval(-1)
            #expect(early ? signal == .due : [.due, .ready].contains(signal), "\(signal), began \(waitBegan.timeIntervalSince(notBefore)) s from the not-before")
            #expect(ContinuousClock.now - started < .seconds(120))
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
