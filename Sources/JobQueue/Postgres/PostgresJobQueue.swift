public import Foundation
import Ledger
public import Logging
import PostgresAccess
public import PostgresNIO

/// The job queue on PostgreSQL: one table of jobs in `schema`, created by the queue's own frozen
/// migrations. Every worker process opens one over its own `PostgresClient` (which the caller runs) and
/// must share the same `policy`. Times are the server's (`now()`), so workers' clocks never disagree.
public struct PostgresJobQueue: JobQueue {
    /// The channel every queue notifies on; the payload names the schema, so queues in other schemas of
    /// the same database ignore each other's notifications.
    public static let channel = "closer_jobs"

    let client: PostgresClient
    public let schema: String
    public let policy: JobQueuePolicy
    let logger: Logger

    /// Opens the queue in `schema` (created when missing) and brings its tables to this version.
    public static func open(client: PostgresClient, schema: String = "public", policy: JobQueuePolicy, logger: Logger = Logger(label: "closer.jobs")) async throws -> PostgresJobQueue {
        guard PostgresMigration.isPlainName(schema) else {
            throw JobQueueError.invalidConfiguration("The job queue's schema \"\(schema)\" is not a plain PostgreSQL name: use lower-case letters, digits and underscores.")
        }
        let queue = PostgresJobQueue(client: client, schema: schema, policy: policy, logger: logger)
        try await queue.mapped { try await queue.migrate() }
        return queue
    }

    /// The jobs table, schema-qualified (the schema is checked to be a plain name when the queue opens).
    var jobsTable: String { "\(schema).job_queue_jobs" }

    public func enqueue(_ request: EnqueueRequest) async throws -> Enqueued {
        try await mapped {
            try await client.transaction(logger: logger) { connection in
                let inserted = try await connection.query("""
                    INSERT INTO \(unescaped: jobsTable) (tenant, kind, period, idempotency_key, payload, priority, not_before, max_attempts, odoo_host, state)
                    VALUES (\(request.tenant), \(request.kind.rawValue), \(request.period?.description), \(request.idempotencyKey), \(request.payload),
                            \(request.priority), coalesce(\(request.notBefore), now()), \(request.maxAttempts), \(request.odooHost), 'queued')
                    ON CONFLICT (tenant, kind, idempotency_key) DO NOTHING
                    RETURNING \(unescaped: JobRow.columns)
                    """, logger: logger).jobs()
                if let job = inserted.first {
                    try await notify(on: connection)
                    return Enqueued(job: job, created: true)
                }
                // Taken already (or just now by a concurrent enqueue, which ON CONFLICT waited for).
                let existing = try await connection.query("""
                    SELECT \(unescaped: JobRow.columns) FROM \(unescaped: jobsTable)
                    WHERE tenant = \(request.tenant) AND kind = \(request.kind.rawValue) AND idempotency_key = \(request.idempotencyKey)
                    """, logger: logger).jobs()
                guard let job = existing.first else {
                    throw JobQueueError.unavailable("the job \(request.kind.rawValue) \(request.idempotencyKey) of \(request.tenant) was neither added nor found")
                }
                return Enqueued(job: job, created: false)
            }
        }
    }

    public func extend(_ lease: Lease, by duration: Duration) async throws -> Lease {
        let milliseconds = try Self.leaseMilliseconds(duration)
        return try await mapped {
            let rows = try await client.query("""
                UPDATE \(unescaped: jobsTable) SET lease_expires_at = now() + \(milliseconds) * interval '1 millisecond'
                WHERE id = \(lease.job.id) AND fence = \(lease.token) AND state = 'leased'
                RETURNING \(unescaped: JobRow.columns)
                """, logger: logger).jobs()
            guard let job = rows.first, let expiresAt = job.leaseExpiresAt else { throw try await leaseLost(lease) }
            return Lease(job: job, worker: lease.worker, token: lease.token, expiresAt: expiresAt)
        }
    }

    @discardableResult
    public func complete(_ lease: Lease, _ outcome: JobOutcome) async throws -> Job {
        let succeeded: Bool
        let error: String?
        switch outcome {
        case .succeeded: (succeeded, error) = (true, nil)
        case .failed(let text): (succeeded, error) = (false, text)
        }
        // One statement, so one round trip: a failure is retried after retryDelay × 2^(attempts − 1), capped, and
        // the last attempt's failure is the dead letter; waiters are notified (a freed slot may let a capped job
        // run, a failed one comes due later).
        return try await mapped {
            let rows = try await client.query("""
                WITH done AS (
                    UPDATE \(unescaped: jobsTable) SET
                        state = CASE WHEN \(succeeded) THEN 'succeeded' WHEN attempts >= max_attempts THEN 'dead' ELSE 'failed' END,
                        last_error = coalesce(\(error), last_error),
                        not_before = CASE WHEN \(succeeded) OR attempts >= max_attempts THEN not_before
                            ELSE now() + least(\(policy.retryDelay.seconds * 1000) * power(2, attempts - 1), \(policy.maxRetryDelay.seconds * 1000)) * interval '1 millisecond' END,
                        finished_at = CASE WHEN \(succeeded) OR attempts >= max_attempts THEN now() END,
                        leased_by = NULL, lease_expires_at = NULL
                    WHERE id = \(lease.job.id) AND fence = \(lease.token) AND state = 'leased'
                    RETURNING \(unescaped: JobRow.columns)
                ), woken AS (SELECT pg_notify(\(Self.channel), \(schema)) FROM done)
                SELECT \(unescaped: JobRow.columns) FROM done WHERE (SELECT count(*) FROM woken) >= 0
                """, logger: logger).jobs()
            guard let job = rows.first else { throw try await leaseLost(lease) }
            return job
        }
    }

    @discardableResult
    public func release(_ lease: Lease) async throws -> Job {
        try await mapped {
            let rows = try await client.query("""
                WITH released AS (
                    UPDATE \(unescaped: jobsTable) SET state = 'queued', attempts = attempts - 1, leased_by = NULL, lease_expires_at = NULL
                    WHERE id = \(lease.job.id) AND fence = \(lease.token) AND state = 'leased'
                    RETURNING \(unescaped: JobRow.columns)
                ), woken AS (SELECT pg_notify(\(Self.channel), \(schema)) FROM released)
                SELECT \(unescaped: JobRow.columns) FROM released WHERE (SELECT count(*) FROM woken) >= 0
                """, logger: logger).jobs()
            guard let job = rows.first else { throw try await leaseLost(lease) }
            return job
        }
    }

    @discardableResult
    public func requeueExpiredLeases() async throws -> Int {
        try await mapped {
            // One statement. SKIP LOCKED: a lease being completed or requeued by another process right now is left to it.
            let rows = try await client.query("""
                WITH expired AS (
                    SELECT id FROM \(unescaped: jobsTable) WHERE state = 'leased' AND lease_expires_at < now() FOR UPDATE SKIP LOCKED
                ), moved AS (
                    UPDATE \(unescaped: jobsTable) AS job SET
                        state = CASE WHEN job.attempts >= job.max_attempts THEN 'dead' ELSE 'queued' END,
                        last_error = 'the lease of ' || job.leased_by || ' expired at ' || to_char(job.lease_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')
                            || ' UTC on attempt ' || job.attempts || ' of ' || job.max_attempts
                            || ' (the worker stopped, hung or lost its connection: see its log)',
                        finished_at = CASE WHEN job.attempts >= job.max_attempts THEN now() END,
                        leased_by = NULL, lease_expires_at = NULL
                    FROM expired WHERE job.id = expired.id
                    RETURNING job.id
                ), woken AS (SELECT pg_notify(\(Self.channel), \(schema)) WHERE EXISTS (SELECT 1 FROM moved))
                SELECT (SELECT count(*) FROM moved), (SELECT count(*) FROM woken)
                """, logger: logger)
            var moved = 0
            for try await (count, _) in rows.decode((Int, Int).self) { moved = count }
            return moved
        }
    }

    public func job(_ id: Job.ID) async throws -> Job? {
        try await mapped {
            try await client.query("SELECT \(unescaped: JobRow.columns) FROM \(unescaped: jobsTable) WHERE id = \(id)", logger: logger).jobs().first
        }
    }

    public func jobs(in state: JobState, limit: Int) async throws -> [Job] {
        try await mapped {
            try await client.query("""
                SELECT \(unescaped: JobRow.columns) FROM \(unescaped: jobsTable) WHERE state = \(state.rawValue) ORDER BY enqueued_at, id LIMIT \(max(0, limit))
                """, logger: logger).jobs()
        }
    }

    public func jobs(tenant: String, limit: Int) async throws -> [Job] {
        try await mapped {
            try await client.query("""
                SELECT \(unescaped: JobRow.columns) FROM \(unescaped: jobsTable) WHERE tenant = \(tenant) ORDER BY enqueued_at DESC, id DESC LIMIT \(max(0, limit))
                """, logger: logger).jobs()
        }
    }

    public func finished(since: Date, limit: Int) async throws -> [Job] {
        try await mapped {
            try await client.query("""
                SELECT \(unescaped: JobRow.columns) FROM \(unescaped: jobsTable) WHERE finished_at >= \(since) ORDER BY finished_at DESC, id DESC LIMIT \(max(0, limit))
                """, logger: logger).jobs()
        }
    }

    public func counts() async throws -> [JobState: Int] {
        try await mapped {
            var counts = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0, 0) })
            let rows = try await client.query("SELECT state, count(*) FROM \(unescaped: jobsTable) GROUP BY state", logger: logger)
            for try await (state, count) in rows.decode((String, Int).self) {
                guard let known = JobState(rawValue: state) else { throw JobRow.unknown("state", state) }
                counts[known] = count
            }
            return counts
        }
    }

    /// Delivered when the transaction commits, to every process listening on `channel`.
    func notify(on connection: PostgresConnection) async throws {
        try await connection.query("SELECT pg_notify(\(Self.channel), \(schema))", logger: logger)
    }

    /// The refusal of a stale token, with the job as it stands now so the message can say who holds it.
    func leaseLost(_ lease: Lease) async throws -> JobQueueError {
        .leaseLost(lease, current: try await job(lease.job.id))
    }

    static func leaseMilliseconds(_ duration: Duration) throws -> Int64 {
        let milliseconds = Int64(duration.seconds * 1000)
        guard milliseconds >= 1 else {
            throw JobQueueError.invalidRequest("a lease of \(duration) is too short: lease for at least a millisecond, in practice longer than the job's slowest step between heartbeats")
        }
        return milliseconds
    }

    /// PostgreSQL's and the pool's errors as `JobQueueError.unavailable`, naming the server's message but no
    /// connection secrets; the queue's own errors pass unchanged.
    func mapped<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as JobQueueError {
            throw error
        } catch let error as PSQLError {
            throw JobQueueError.unavailable(error.serverInfo?[.message] ?? "\(error.code)")
        } catch let error as PostgresTransactionError {
            throw JobQueueError.unavailable("\(error)")
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw JobQueueError.unavailable("\(error)")
        }
    }
}
