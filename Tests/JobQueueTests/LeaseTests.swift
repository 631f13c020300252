import Foundation
import JobQueue
import Ledger
import PostgresSupport
import Testing

@Suite(.enabled(if: PostgresTestServer.enabled, "skipped: no PostgreSQL (CLOSER_TEST_POSTGRES_URL)"))
struct LeaseTests {
    static let all = Set(JobKind.allCases)

    static func request(_ tenant: String, _ key: String, kind: JobKind = .check, priority: Int = 0, notBefore: Date? = nil, host: String? = nil) throws -> EnqueueRequest {
        try EnqueueRequest(tenant: tenant, kind: kind, period: nil, idempotencyKey: key, priority: priority, notBefore: notBefore, odooHost: host)
    }

    @Test func leasesGoByPriorityThenByDueTimeAndNeverBeforeNotBefore() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            let now = Date()
            let low = try await queue.enqueue(try Self.request("acme", "low", priority: 0)).job
            let laterUrgent = try await queue.enqueue(try Self.request("acme", "urgent-b", priority: 5, notBefore: now.addingTimeInterval(-60))).job
            let earlierUrgent = try await queue.enqueue(try Self.request("acme", "urgent-a", priority: 5, notBefore: now.addingTimeInterval(-120))).job
            _ = try await queue.enqueue(try Self.request("acme", "tomorrow", priority: 9, notBefore: now.addingTimeInterval(86_400)))
            var order: [Job.ID] = []
            while let lease = try await queue.lease(worker: "w1", for: .seconds(60), kinds: Self.all) { order.append(lease.job.id) }
            #expect(order == [earlierUrgent.id, laterUrgent.id, low.id], "the job due tomorrow waits, however urgent")
            #expect(try await queue.counts()[.queued] == 1)
        }
    }

    @Test func aWorkerLeasesOnlyTheKindsItRuns() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            let webhook = try await queue.enqueue(try Self.request("acme", "hook-1", kind: .webhookOut, priority: 9)).job
            let pull = try await queue.enqueue(try Self.request("acme", "pull-1", kind: .pull)).job
            #expect(try await queue.lease(worker: "puller", for: .seconds(60), kinds: [.pull])?.job.id == pull.id)
            #expect(try await queue.lease(worker: "puller", for: .seconds(60), kinds: [.pull]) == nil)
            #expect(try await queue.lease(worker: "sender", for: .seconds(60), kinds: [.webhookOut])?.job.id == webhook.id)
        }
    }

    @Test func workersRacingForJobsNeverLeaseTheSameJobTwice() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            for number in 0..<300 { _ = try await queue.enqueue(try Self.request("tenant-\(number % 7)", "job-\(number)", priority: number % 3)) }
            let leased = try await withThrowingTaskGroup(of: [Lease].self) { group in
                for worker in 0..<16 {
                    group.addTask {
                        var mine: [Lease] = []
                        while let lease = try await queue.lease(worker: "w\(worker)", for: .seconds(60), kinds: Self.all) {
                            mine.append(lease)
                            try await queue.complete(lease, .succeeded)
                        }
                        return mine
                    }
                }
                return try await group.reduce(into: [Lease]()) { $0 += $1 }
            }
            #expect(leased.count == 300)
            #expect(Set(leased.map(\.job.id)).count == 300, "a job was leased twice")
            #expect(leased.allSatisfy { $0.token == 1 })
            #expect(Set(leased.map(\.worker)).count > 1, "the work was shared")
            let counts = try await queue.counts()
            #expect(counts[.succeeded] == 300 && counts[.queued] == 0 && counts[.leased] == 0)
        }
    }

    @Test func capsHoldPerTenantAndPerOdooHostAndAFreedSlotIsTakenAgain() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy(perTenant: 2, perHost: 3)) { queue in
            for tenant in ["a", "b"] {
                for number in 0..<4 { _ = try await queue.enqueue(try Self.request(tenant, "\(tenant)\(number)", host: "odoo-1.example.com")) }
            }
            for number in 0..<3 { _ = try await queue.enqueue(try Self.request("c", "c\(number)", host: "odoo-2.example.com")) }
            var leases: [Lease] = []
            while let lease = try await queue.lease(worker: "w", for: .seconds(60), kinds: Self.all) { leases.append(lease) }
            let byTenant = Dictionary(grouping: leases, by: \.job.tenant).mapValues(\.count)
            #expect(byTenant == ["a": 2, "b": 1, "c": 2], "a: its tenant cap; b: the rest of odoo-1's three; c: its tenant cap on another host")
            #expect(try await queue.counts()[.queued] == 11 - 5)

            let firstOfA = try #require(leases.first { $0.job.tenant == "a" })
            try await queue.complete(firstOfA, .succeeded)
            #expect(try await queue.lease(worker: "w", for: .seconds(60), kinds: Self.all)?.job.tenant == "a", "a's freed slot on odoo-1 goes to a's next job")
            #expect(try await queue.lease(worker: "w", for: .seconds(60), kinds: Self.all) == nil)
        }
    }

    @Test func capsHoldWhenManyWorkersLeaseAtOnce() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy(perTenant: 2, perHost: 3)) { queue in
            for tenant in 0..<6 {
                for number in 0..<5 { _ = try await queue.enqueue(try Self.request("t\(tenant)", "j\(number)", host: "odoo-\(tenant % 2).example.com")) }
            }
            let leases = try await withThrowingTaskGroup(of: Lease?.self) { group in
                for worker in 0..<24 { group.addTask { try await queue.lease(worker: "w\(worker)", for: .seconds(60), kinds: Self.all) } }
                return try await group.reduce(into: [Lease]()) { if let lease = $1 { $0.append(lease) } }
            }
            let perHost = Dictionary(grouping: leases) { $0.job.odooHost ?? "" }.mapValues(\.count)
            let perTenant = Dictionary(grouping: leases, by: \.job.tenant).mapValues(\.count)
            #expect(perHost.values.allSatisfy { $0 <= 3 }, "\(perHost)")
            #expect(perTenant.values.allSatisfy { $0 <= 2 }, "\(perTenant)")
            #expect(leases.count == 6, "both hosts full: \(perHost)")
        }
    }
}
