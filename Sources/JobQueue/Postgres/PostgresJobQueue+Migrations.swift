import PostgresAccess
import PostgresNIO

/// The queue's schema history: numbered, frozen migrations of its own, recorded in `job_queue_migrations`
/// beside the jobs (never the store's: the queue may live on another server). Append, never edit.
extension PostgresJobQueue {
    static func migrations(schema: String) -> [PostgresMigration] {
        let jobs = "\(schema).job_queue_jobs"
        return [
            PostgresMigration(id: "v1-jobs", statements: [
                """
                CREATE TABLE \(jobs) (
                    id bigserial PRIMARY KEY,
                    tenant text NOT NULL CHECK (tenant <> ''),
                    kind text NOT NULL,
                    period text,
                    idempotency_key text NOT NULL CHECK (idempotency_key <> ''),
                    payload text,
                    priority integer NOT NULL DEFAULT 0,
                    not_before timestamptz NOT NULL DEFAULT now(),
                    max_attempts integer NOT NULL CHECK (max_attempts >= 1),
                    attempts integer NOT NULL DEFAULT 0,
                    odoo_host text,
                    state text NOT NULL CHECK (state IN ('queued', 'leased', 'succeeded', 'failed', 'dead')),
                    fence bigint NOT NULL DEFAULT 0,
                    leased_by text,
                    lease_expires_at timestamptz,
                    last_error text,
                    enqueued_at timestamptz NOT NULL DEFAULT now(),
                    finished_at timestamptz,
                    UNIQUE (tenant, kind, idempotency_key),
                    CHECK ((state = 'leased') = (leased_by IS NOT NULL AND lease_expires_at IS NOT NULL))
                )
                """,
                // The lease's scan, in its own order; the caps' counts; the requeue's scan.
                "CREATE INDEX job_queue_jobs_ready ON \(jobs) (priority DESC, not_before, id) WHERE state IN ('queued', 'failed')",
                "CREATE INDEX job_queue_jobs_leased_tenant ON \(jobs) (tenant) WHERE state = 'leased'",
                "CREATE INDEX job_queue_jobs_leased_host ON \(jobs) (odoo_host) WHERE state = 'leased'",
                "CREATE INDEX job_queue_jobs_lease_expiry ON \(jobs) (lease_expires_at) WHERE state = 'leased'",
                "CREATE INDEX job_queue_jobs_state ON \(jobs) (state, enqueued_at)",
            ]),
            // When the latest lease began, so queue wait and run time can be read from the table (the firm's metrics).
            PostgresMigration(id: "v2-leased-at", statements: [
                "ALTER TABLE \(jobs) ADD COLUMN leased_at timestamptz",
                "CREATE INDEX job_queue_jobs_finished ON \(jobs) (finished_at) WHERE finished_at IS NOT NULL",
            ]),
            // Each tenant's role reads that tenant's jobs and no other's (TenantRowSecurity); the workers own the table.
            PostgresMigration(id: "v3-tenant-rows", statements: TenantRowSecurity.enable(on: jobs, schema: schema)),
        ]
    }

    /// Brings the queue's tables to this version; a schema a newer Closer migrated further is refused.
    func migrate() async throws {
        try await PostgresMigration.apply(Self.migrations(schema: schema), schema: schema, history: "job_queue_migrations", client: client,
                                          logger: logger) { JobQueueError.newerSchema(schema: schema, unknown: $0) }
    }
}

extension PostgresJobQueue {
    /// Opens `tenant`'s role (`TenantRowSecurity`) on the queue's jobs, granted to `member` when given.
    public func openTenantRole(_ tenant: String, member: String? = nil) async throws -> String {
        try await mapped {
            try await TenantRowSecurity.openRole(schema: schema, tenant: tenant, tables: [jobsTable], member: member, client: client, logger: logger)
        }
    }
}
