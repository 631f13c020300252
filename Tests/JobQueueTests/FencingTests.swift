import Foundation
import JobQueue
import Testing

@Suite(.enabled(if: PostgresTestServer.enabled, "skipped: no PostgreSQL (CLOSER_TEST_POSTGRES_URL)"))
struct FencingTests {
    @Test func anExpiredLeaseGoesToAnotherWorkerAndTheFirstCannotWrite() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            let job = try await queue.enqueue(try LeaseTests.request("acme", "pull-2026-10", kind: .pull)).job
            let first = try #require(try await queue.lease(worker: "w1", for: .milliseconds(200), kinds: [.pull]))
            #expect(try await queue.lease(worker: "w2", for: .seconds(60), kinds: [.pull]) == nil, "held while the lease runs")
            try await Task.sleep(for: .milliseconds(400))

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

    @Test func aHeartbeatKeepsTheLeaseAndTheRequeueTakesOnlyExpiredOnes() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            _ = try await queue.enqueue(try LeaseTests.request("acme", "kept"))
            _ = try await queue.enqueue(try LeaseTests.request("acme", "lost"))
            var kept = try #require(try await queue.lease(worker: "steady", for: .milliseconds(300), kinds: LeaseTests.all))
            let lost = try #require(try await queue.lease(worker: "stalled", for: .milliseconds(300), kinds: LeaseTests.all))
            try await Task.sleep(for: .milliseconds(150))
            kept = try await queue.extend(kept, by: .seconds(60))
            try await Task.sleep(for: .milliseconds(300))

            #expect(try await queue.requeueExpiredLeases() == 1)
            #expect(try await queue.job(lost.job.id)?.state == .queued)
            #expect(try await queue.job(kept.job.id)?.state == .leased)
            try await queue.complete(kept, .succeeded)
        }
    }

    @Test func aFailedJobIsRetriedAfterItsDelayThenDeadWithTheLastError() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy(retryDelay: .milliseconds(300))) { queue in
            let job = try await queue.enqueue(try EnqueueRequest(tenant: "acme", kind: .package, period: nil, idempotencyKey: "pack", maxAttempts: 2)).job
            let attempt1 = try #require(try await queue.lease(worker: "w", for: .seconds(60), kinds: [.package]))
            let failed = try await queue.complete(attempt1, .failed(error: "Odoo answered 502 Bad Gateway"))
            #expect(failed.state == .failed && failed.lastError == "Odoo answered 502 Bad Gateway")
            #expect(try await queue.lease(worker: "w", for: .seconds(60), kinds: [.package]) == nil, "the retry waits for its delay")
            try await Task.sleep(for: .milliseconds(400))

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
            _ = try #require(try await queue.lease(worker: "crashed", for: .milliseconds(100), kinds: [.pull]))
            try await Task.sleep(for: .milliseconds(250))
            #expect(try await queue.requeueExpiredLeases() == 1)
            let dead = try #require(try await queue.job(job.id))
            #expect(dead.state == .dead)
            #expect(dead.lastError?.contains("the lease of crashed expired") == true && dead.lastError?.contains("attempt 1 of 1") == true)
        }
    }
}
