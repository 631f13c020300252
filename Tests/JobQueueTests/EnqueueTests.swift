import Foundation
import JobQueue
import Ledger
import PostgresAccess
import PostgresNIO
import PostgresSupport
import Testing

@Suite(.enabled(if: PostgresTestServer.enabled, "skipped: no PostgreSQL (CLOSER_TEST_POSTGRES_URL)"))
struct EnqueueTests {
    let october = try! Period(parsing: "2026-10")

    @Test func aSecondEnqueueOfTheSameTenantKindAndPeriodReturnsTheFirstJob() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            let first = try await queue.enqueue(try EnqueueRequest(tenant: "acme", kind: .pull, period: october, priority: 3))
            let again = try await queue.enqueue(try EnqueueRequest(tenant: "acme", kind: .pull, period: october, priority: 9))
            #expect(first.created && !again.created)
            #expect(again.job.id == first.job.id)
            #expect(again.job.priority == 3, "the existing job is returned as it was, not rewritten")
            // Each of tenant, kind and key tells jobs apart.
            let others = [
                try EnqueueRequest(tenant: "globex", kind: .pull, period: october),
                try EnqueueRequest(tenant: "acme", kind: .check, period: october),
                try EnqueueRequest(tenant: "acme", kind: .pull, period: october.next),
                try EnqueueRequest(tenant: "acme", kind: .pull, period: october, idempotencyKey: "2026-10 rerun"),
            ]
            var ids: Set<Job.ID> = [first.job.id]
            for request in others {
                let enqueued = try await queue.enqueue(request)
                #expect(enqueued.created)
                ids.insert(enqueued.job.id)
            }
            #expect(ids.count == 5)
            #expect(try await queue.counts()[.queued] == 5)
        }
    }

    @Test func enqueueingTogetherFromManyTasksMakesOneJob() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            let request = try EnqueueRequest(tenant: "acme", kind: .reconcile, period: october)
            let results = try await withThrowingTaskGroup(of: Enqueued.self) { group in
                for _ in 0..<12 { group.addTask { try await queue.enqueue(request) } }
                return try await group.reduce(into: [Enqueued]()) { $0.append($1) }
            }
            #expect(Set(results.map(\.job.id)).count == 1)
            #expect(results.filter(\.created).count == 1)
        }
    }

    @Test func theQueueSchemaIsMigratedOnceAndANewerOneIsRefused() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            _ = try await queue.enqueue(try EnqueueRequest(tenant: "acme", kind: .pull, period: october))
            let client = try PostgresTestServer.client()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                // Opening again keeps the jobs.
                let reopened = try await PostgresJobQueue.open(client: client, schema: queue.schema, policy: queue.policy)
                #expect(try await reopened.counts()[.queued] == 1)
                try await client.query("INSERT INTO \(unescaped: queue.schema).job_queue_migrations (id) VALUES ('v99-from-the-future')")
                let error = await #expect(throws: JobQueueError.self) {
                    try await PostgresJobQueue.open(client: client, schema: queue.schema, policy: queue.policy)
                }
                #expect(error?.localizedDescription.contains("upgrade this worker") == true)
            }
        }
    }
}

/// Input the queue refuses before it reaches a server.
struct EnqueueRequestTests {
    @Test func aJobWithNeitherPeriodNorKeyIsRefusedWithWhatToDo() {
        let error = #expect(throws: JobQueueError.self) { try EnqueueRequest(tenant: "acme", kind: .webhookOut, period: nil) }
        #expect(error?.localizedDescription.contains("needs a period or an idempotency key") == true)
        #expect(throws: JobQueueError.self) { try EnqueueRequest(tenant: "", kind: .pull, period: nil, idempotencyKey: "k") }
        #expect(throws: JobQueueError.self) { try EnqueueRequest(tenant: "acme", kind: .pull, period: nil, idempotencyKey: "k", maxAttempts: 0) }
    }

    @Test func theKeyDefaultsToThePeriodAndHostsAreOneSpelling() throws {
        let request = try EnqueueRequest(tenant: "acme", kind: .pull, period: try Period(parsing: "2026-10"), odooHost: "ERP.Example.com")
        #expect(request.idempotencyKey == "2026-10")
        #expect(request.odooHost == "erp.example.com")
    }

    @Test func aBadURLOrSchemaSaysWhatToWriteWithoutThePassword() async throws {
        let noUser = #expect(throws: PostgresURLError.self) { try PostgresURL.configuration("postgres://db.example.com/closer") }
        #expect(noUser?.localizedDescription.contains("names no user") == true)
        let wrongScheme = #expect(throws: PostgresURLError.self) { try PostgresURL.configuration("mysql://closer:s3cret@db/closer") }
        #expect(wrongScheme?.localizedDescription.contains("s3cret") == false)
        let badTLS = #expect(throws: PostgresURLError.self) { try PostgresURL.configuration("postgres://closer:s3cret@db/closer?sslmode=sometimes") }
        #expect(badTLS?.localizedDescription.contains("disable, prefer, require") == true)
        let configuration = try PostgresURL.configuration("postgresql://closer:s3cret@db.example.com:6543/firm")
        #expect(configuration.host == "db.example.com" && configuration.port == 6543 && configuration.database == "firm" && configuration.username == "closer")
    }
}
