import Foundation
import PostgresAccess
import PostgresNIO

/// Leasing: `SELECT … FOR UPDATE SKIP LOCKED` picks the best ready job no other worker is taking, and the
/// caps are enforced in the same transaction.
///
/// The caps are counted, not kept as counters: the number of a tenant's (or a host's) leased rows is the
/// truth, so a crashed worker's slot frees itself when its lease is requeued and there is no counter to
/// drift. A count alone races under READ COMMITTED (two workers each count the other's uncommitted lease
/// as absent and both take the last slot), so before the final count the lease takes a transaction-scoped
/// advisory lock on the tenant, then on the host: leasers of one tenant or host queue behind each other for
/// the few milliseconds of a lease, and the count, in the lease's update after the locks, sees every
/// committed lease. Each transaction takes at most one tenant lock and then one host lock, and whoever holds a host
/// lock waits for nothing else, so the locks cannot deadlock.
extension PostgresJobQueue {
    /// Caps found full after the lock are set aside and the pick repeated this many times at most.
    static let cappedRetries = 8

    public func lease(worker: String, for duration: Duration, kinds: Set<JobKind>) async throws -> Lease? {
        guard !worker.isEmpty else { throw JobQueueError.invalidRequest("a worker leasing jobs needs an id: give each worker process its own name") }
        guard !kinds.isEmpty else { throw JobQueueError.invalidRequest("\(worker) asked for jobs of no kind: name the kinds it runs") }
        let milliseconds = try Self.leaseMilliseconds(duration)
        try await requeueExpiredLeases()
        var fullTenants: [String] = []
        var fullHosts: [String] = []
        for _ in 0..<Self.cappedRetries {
            let attempt = try await mapped {
                try await client.transaction(logger: logger) { connection in
                    try await leaseOne(worker: worker, milliseconds: milliseconds, kinds: kinds, skippingTenants: fullTenants, hosts: fullHosts, on: connection)
                }
            }
            switch attempt {
            case .leased(let lease): return lease
            case .none: return nil
            case .tenantFull(let tenant): fullTenants.append(tenant)
            case .hostFull(let host): fullHosts.append(host)
            }
        }
        return nil
    }

    enum LeaseAttempt: Sendable {
        case leased(Lease)
        case none
        case tenantFull(String)
        case hostFull(String)
    }

    private func leaseOne(worker: String, milliseconds: Int64, kinds: Set<JobKind>, skippingTenants: [String], hosts: [String],
                          on connection: PostgresConnection) async throws -> LeaseAttempt {
        var binds = capBindings(kinds: kinds)
        binds.append(skippingTenants)
        binds.append(hosts)
        let pick = PostgresQuery(unsafeSQL: """
            SELECT j.id, j.tenant, j.odoo_host FROM \(jobsTable) AS j
            WHERE \(readyWithinCaps) AND j.not_before <= now()
              AND NOT (j.tenant = ANY($4)) AND NOT (coalesce(j.odoo_host, '') = ANY($5))
            ORDER BY j.priority DESC, j.not_before, j.id
            LIMIT 1
            FOR UPDATE OF j SKIP LOCKED
            """, binds: binds)
        var candidate: (id: Int64, tenant: String, host: String?)?
        for try await row in try await connection.query(pick, logger: logger).decode((Int64, String, String?).self) {
            candidate = row
        }
        guard let candidate else { return .none }

        try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(schema + "/tenant")), hashtext(\(candidate.tenant)))", logger: logger)
        if let host = candidate.host {
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(schema + "/host")), hashtext(\(host)))", logger: logger)
        }
        // The caps' final count, in the first statement after the locks, so that it sees every committed lease.
        let leased = try await connection.query("""
            UPDATE \(unescaped: jobsTable) SET state = 'leased', fence = fence + 1, attempts = attempts + 1, leased_by = \(worker),
                lease_expires_at = now() + \(milliseconds) * interval '1 millisecond', leased_at = now()
            WHERE id = \(candidate.id)
              AND (SELECT count(*) FROM \(unescaped: jobsTable) WHERE state = 'leased' AND tenant = \(candidate.tenant)) < \(policy.maxLeasedPerTenant)
              AND (SELECT count(*) FROM \(unescaped: jobsTable) WHERE state = 'leased' AND odoo_host = \(candidate.host)) < \(policy.maxLeasedPerOdooHost)
            RETURNING \(unescaped: JobRow.columns)
            """, logger: logger).jobs()
        guard let job = leased.first, let expiresAt = job.leaseExpiresAt else {
            // A cap was full: say which, so the next pick skips that tenant or host.
            let tenantFull = try await connection.query("""
                SELECT count(*) >= \(policy.maxLeasedPerTenant) FROM \(unescaped: jobsTable) WHERE state = 'leased' AND tenant = \(candidate.tenant)
                """, logger: logger).decode(Bool.self).reduce(false) { $0 || $1 }
            if tenantFull { return .tenantFull(candidate.tenant) }
            guard let host = candidate.host else { throw JobQueueError.unavailable("job \(candidate.id) could not be leased though no cap was full") }
            return .hostFull(host)
        }
        return .leased(Lease(job: job, worker: worker, token: job.fence, expiresAt: expiresAt))
    }

    /// A queued or failed job of one of the kinds ($1) whose tenant has fewer than $2 leased jobs and whose
    /// Odoo host (if any) fewer than $3; `j` is the job. Shared by the lease and the wait.
    var readyWithinCaps: String {
        """
        j.state IN ('queued', 'failed') AND j.kind = ANY($1)
          AND (SELECT count(*) FROM \(jobsTable) AS l WHERE l.state = 'leased' AND l.tenant = j.tenant) < $2
          AND (j.odoo_host IS NULL OR (SELECT count(*) FROM \(jobsTable) AS l WHERE l.state = 'leased' AND l.odoo_host = j.odoo_host) < $3)
        """
    }

    /// $1, $2 and $3 of `readyWithinCaps`.
    func capBindings(kinds: Set<JobKind>) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(kinds.map(\.rawValue).sorted())
        binds.append(policy.maxLeasedPerTenant)
        binds.append(policy.maxLeasedPerOdooHost)
        return binds
    }
}
