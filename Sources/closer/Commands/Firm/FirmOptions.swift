import ArgumentParser
import CloseSettings
import Foundation
import FirmDirectory
import JobQueue
import PostgresAccess
import PostgresNIO

/// What every firm command needs: the tenants file and the firm's PostgreSQL (the shared job queue, the firm directory).
struct FirmOptions: ParsableArguments {
    @Option(help: "The tenants file: every client database, its Odoo and where its secret is kept (env CLOSER_TENANTS_FILE).")
    var tenants: String?
    @Option(help: "The job queue's PostgreSQL, postgres://USER:PASSWORD@HOST:PORT/DATABASE (env CLOSER_QUEUE_URL; prefer the environment, it holds a password).")
    var queueURL: String?
    @Option(help: "The PostgreSQL schema the queue lives in.") var queueSchema = "closer_jobs"
    @Option(help: "Jobs of one tenant leased at a time, over all workers (every worker must use the same caps).") var perTenantCap = 1
    @Option(help: "Jobs calling one Odoo server leased at a time, over all workers: Odoo servers are small.") var perHostCap = 4
    @Option(help: "A failed step is retried after this many seconds, doubled each attempt.") var retrySeconds = 30

    func tenantsFile() throws -> TenantsFile {
        guard let path = tenants ?? ProcessInfo.processInfo.environment["CLOSER_TENANTS_FILE"] else {
            throw ValidationError("Name the tenants file: --tenants FILE or CLOSER_TENANTS_FILE (see the README, \"Closing many companies\").")
        }
        return try TenantsFile.load(path: path)
    }

    func withQueue<Result: Sendable>(_ body: (PostgresJobQueue) async throws -> Result) async throws -> Result {
        try await withClient { client in try await body(try await openQueue(client)) }
    }

    /// The queue and the firm directory (in the queue's schema), over one connection pool.
    func withFirm<Result: Sendable>(_ body: (PostgresJobQueue, PostgresFirmDirectory) async throws -> Result) async throws -> Result {
        try await withClient { client in
            try await body(try await openQueue(client), try await PostgresFirmDirectory.open(client: client, schema: queueSchema))
        }
    }

    /// The directory alone, for the commands that manage people.
    func withDirectory<Result: Sendable>(_ body: (PostgresFirmDirectory) async throws -> Result) async throws -> Result {
        try await withClient { client in try await body(try await PostgresFirmDirectory.open(client: client, schema: queueSchema)) }
    }

    private func openQueue(_ client: PostgresClient) async throws -> PostgresJobQueue {
        let policy = try JobQueuePolicy(maxLeasedPerTenant: perTenantCap, maxLeasedPerOdooHost: perHostCap, retryDelay: .seconds(retrySeconds),
                                        maxRetryDelay: .seconds(max(3600, retrySeconds)))
        return try await PostgresJobQueue.open(client: client, schema: queueSchema, policy: policy)
    }

    /// A connection pool to the firm's PostgreSQL, run beside `body` and closed after it.
    private func withClient<Result: Sendable>(_ body: (PostgresClient) async throws -> Result) async throws -> Result {
        guard let url = queueURL ?? ProcessInfo.processInfo.environment["CLOSER_QUEUE_URL"] else {
            throw ValidationError("Name the job queue's PostgreSQL: CLOSER_QUEUE_URL=postgres://USER:PASSWORD@HOST:PORT/DATABASE (or --queue-url).")
        }
        let client = PostgresClient(configuration: try PostgresURL.configuration(url))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }
}
