import Foundation
@testable import JobQueue
import PostgresNIO
import PostgresSupport
import Testing

/// Time passes by moving the server's deadlines into the past, not by sleeping: under a loaded test run a
/// short lease would expire between two statements and the test would prove nothing.
@Suite(.enabled(if: PostgresTestServer.enabled, "skipped: no PostgreSQL (CLOSER_TEST_POSTGRES_URL)"))
struct FencingTests {
    @Test func anExpiredLeaseGoesToAnotherWorkerAndTheFirstCannotWrite() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            let job = try await queue.enqueue(try LeaseTests.request("acme", "pull-2026-10", kind: .pull)).job
            let first = try #require(try await queue.lease(worker: "w1", for: .seconds(60), kinds: [.pull]))
            #expect(try await queue.lease(worker: "w2", for: .seconds(60), kinds: [.pull]) == nil, "held while the lease runs")
            try await Self.expireLeases(of: [first], in: queue)

            let second = try #require(try await queue.lease(worker: "w2", for: .seconds(60), kinds: [.pull]))
            #expect(second.job.id == job.id)
            #expect(second.token > first.token)
            #expect(second.job.attempts == 2)
            #expect(second.job.lastError?.contains("the lease of w1 expired") == true)

            let refused = await #expect(throws: JobQueueError.self) { try await queue.complete(first, .succeeded) }
            #expect(refused?.localizedDescription.contains("w2 holds it now") == true)
            #expect(refused?.localizedDescription.contains("write nothing") == true)
            await #expect(throws: JobQueueError.self) { try await queue.extend(first, by: .seconds(60)) }
            await #expect(throws: JobQueueError.self) { try await queue.complete(first, .failed(error: "late")) }

            #expect(try await queue.job(job.id)?.state == .leased, "the refused writes changed nothing")
            let done = try await queue.complete(second, .succeeded)
            #expect(done.state == .succeeded && done.finishedAt != nil)
            await #expect(throws: JobQueueError.self) { try await queue.complete(second, .succeeded) }
        }
    }

    @Test func aReleasedJobIsQueuedAgainAtOnceWithoutSpendingAnAttempt() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            let job = try await queue.enqueue(try EnqueueRequest(tenant: "acme", kind: .pull, period: nil, idempotencyKey: "drain", maxAttempts: 1)).job
            let draining = try #require(try await queue.lease(worker: "stopping", for: .seconds(60), kinds: [.pull]))
            let released = try await queue.release(draining)
            #expect(released.state == .queued && released.attempts == 0 && released.leasedBy == nil)
            await #expect(throws: JobQueueError.self, "a released lease is spent") { try await queue.complete(draining, .succeeded) }

            // Its one attempt is still there: the next worker runs it, and a second release of the old lease is refused.
            let next = try #require(try await queue.lease(worker: "fresh", for: .seconds(60), kinds: [.pull]))
            #expect(next.job.id == job.id && next.job.attempts == 1 && next.token > draining.token)
            await #expect(throws: JobQueueError.self) { try await queue.release(draining) }
            #expect(try await queue.complete(next, .succeeded).state == .succeeded)
        }
    }

    @Test func aHeartbeatKeepsTheLeaseAndTheRequeueTakesOnlyExpiredOnes() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            _ = try await queue.enqueue(try LeaseTests.request("acme", "kept"))
            _ = try await queue.enqueue(try LeaseTests.request("acme", "lost"))
            var kept = try #require(try await queue.lease(worker: "steady", for: .seconds(60), kinds: LeaseTests.all))
            let lost = try #require(try await queue.lease(worker: "stalled", for: .seconds(60), kinds: LeaseTests.all))
            try await Self.expireLeases(of: [kept, lost], in: queue)
            let expiredAt = try #require(try await queue.job(kept.job.id)?.leaseExpiresAt)
            kept = try await queue.extend(kept, by: .seconds(60))   // the heartbeat, before any requeue ran
            #expect(kept.expiresAt > expiredAt.addingTimeInterval(50))

            #expect(try await queue.requeueExpiredLeases() == 1)
            #expect(try await queue.job(lost.job.id)?.state == .queued)
            #expect(try await queue.job(kept.job.id)?.state == .leased)
            try await queue.complete(kept, .succeeded)
        }
    }

    @Test func aFailedJobIsRetriedAfterItsDelayThenDeadWithTheLastError() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy(retryDelay: .seconds(3600))) { queue in
            let job = try await queue.enqueue(try EnqueueRequest(tenant: "acme", kind: .package, period: nil, idempotencyKey: "pack", maxAttempts: 2)).job
            let attempt1 = try #require(try await queue.lease(worker: "w", for: .seconds(60), kinds: [.package]))
            let failed = try await queue.complete(attempt1, .failed(error: "Odoo answered 502 Bad Gateway"))
            #expect(failed.state == .failed && failed.lastError == "Odoo answered 502 Bad Gateway")
            #expect(failed.notBefore.timeIntervalSinceNow > 3000, "retried after the policy's delay")
            #expect(try await queue.lease(worker: "w", for: .seconds(60), kinds: [.package]) == nil, "the retry waits for its delay")
            try await queue.client.query("UPDATE \(unescaped: queue.jobsTable) SET not_before = now() - interval '1 second' WHERE id = \(job.id)")

            let attempt2 = try #require(try await queue.lease(worker: "w", for: .seconds(60), kinds: [.package]))
            let dead = try await queue.complete(attempt2, .failed(error: "the package's balance sheet does not balance"))
            #expect(dead.state == .dead && dead.attempts == 2 && dead.finishedAt != nil)
            #expect(dead.lastError == "the package's balance sheet does not balance")
            #expect(try await queue.lease(worker: "w", for: .seconds(60), kinds: [.package]) == nil)
            #expect(try await queue.jobs(in: .dead, limit: 10).map(\.id) == [job.id])
            #expect(try await queue.counts()[.dead] == 1)
        }
    }

    @Test func aLeaseThatExpiresOnTheLastAttemptIsDeadAndSaysWhy() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            let job = try await queue.enqueue(try EnqueueRequest(tenant: "acme", kind: .pull, period: nil, idempotencyKey: "once", maxAttempts: 1)).job
            let lease = try #require(try await queue.lease(worker: "crashed", for: .seconds(60), kinds: [.pull]))
            try await Self.expireLeases(of: [lease], in: queue)
            #expect(try await queue.requeueExpiredLeases() == 1)
            let dead = try #require(try await queue.job(job.id))
            #expect(dead.state == .dead)
            #expect(dead.lastError?.contains("the lease of crashed expired") == true && dead.lastError?.contains("attempt 1 of 1") == true)
        }
    }

    /// As if the leases' time had run out a second ago.
    static func expireLeases(of leases: [Lease], in queue: PostgresJobQueue) async throws {
        try await queue.client.query("""
            UPDATE \(unescaped: queue.jobsTable) SET lease_expires_at = now() - interval '1 second' WHERE id = ANY(\(leases.map(\.job.id)))
            """)
    }
}
