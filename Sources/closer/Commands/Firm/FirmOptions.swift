import ArgumentParser
import CloseSettings
import Foundation
import JobQueue

/// What every firm command needs: the tenants file and the shared job queue.
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
        guard let url = queueURL ?? ProcessInfo.processInfo.environment["CLOSER_QUEUE_URL"] else {
            throw ValidationError("Name the job queue's PostgreSQL: CLOSER_QUEUE_URL=postgres://USER:PASSWORD@HOST:PORT/DATABASE (or --queue-url).")
        }
        let policy = try JobQueuePolicy(maxLeasedPerTenant: perTenantCap, maxLeasedPerOdooHost: perHostCap, retryDelay: .seconds(retrySeconds),
                                        maxRetryDelay: .seconds(max(3600, retrySeconds)))
        return try await PostgresJobQueue.withQueue(url: url, schema: queueSchema, policy: policy, body)
    }
}
