import Foundation
import Ledger
import PostgresNIO

/// A job's columns, selected and decoded in one order.
enum JobRow {
    static let columns = """
        id, tenant, kind, period, idempotency_key, payload, priority, not_before, max_attempts, attempts, odoo_host, state, fence, \
        leased_by, lease_expires_at, last_error, enqueued_at, finished_at, leased_at
        """

    static func job(_ row: PostgresRow) throws -> Job {
        let (id, tenant, kind, period, key, payload, priority, notBefore, maxAttempts, attempts, host, state, fence, leasedBy, expiresAt, lastError,
             enqueuedAt, finishedAt, leasedAt) = try row.decode((Int64, String, String, String?, String, String?, Int, Date, Int, Int, String?, String, Int64,
                                                                String?, Date?, String?, Date, Date?, Date?).self)
        guard let knownKind = JobKind(rawValue: kind) else { throw unknown("kind", kind, job: id) }
        guard let knownState = JobState(rawValue: state) else { throw unknown("state", state, job: id) }
        return Job(id: id, tenant: tenant, kind: knownKind, period: try period.map { try Period(parsing: $0) }, idempotencyKey: key, payload: payload,
                   priority: priority, notBefore: notBefore, maxAttempts: maxAttempts, attempts: attempts, odooHost: host, state: knownState, fence: fence,
                   leasedBy: leasedBy, leaseExpiresAt: expiresAt, lastError: lastError, enqueuedAt: enqueuedAt, finishedAt: finishedAt, leasedAt: leasedAt)
    }

    /// A value a newer Closer wrote: this worker must not guess what it means.
    static func unknown(_ column: String, _ value: String, job: Int64? = nil) -> JobQueueError {
        .invalidConfiguration("The job queue holds \(job.map { "job \($0) with " } ?? "")\(column) \"\(value)\", which this Closer does not know: upgrade this worker.")
    }
}

extension PostgresRowSequence {
    func jobs() async throws -> [Job] {
        var jobs: [Job] = []
        for try await row in self { jobs.append(try JobRow.job(row)) }
        return jobs
    }
}
