import PostgresNIO

/// The queue's schema history: numbered, frozen migrations of its own, recorded in `job_queue_migrations`
/// beside the jobs (never the store's: the queue may live on another server). Append, never edit.
extension PostgresJobQueue {
    struct Migration {
        var id: String
        var statements: [String]
    }

    static func migrations(schema: String) -> [Migration] {
        let jobs = "\(schema).job_queue_jobs"
        return [
            Migration(id: "v1-jobs", statements: [
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
            Migration(id: "v2-leased-at", statements: [
                "ALTER TABLE \(jobs) ADD COLUMN leased_at timestamptz",
                "CREATE INDEX job_queue_jobs_finished ON \(jobs) (finished_at) WHERE finished_at IS NOT NULL",
            ]),
        ]
    }

    /// Applies what is missing in one transaction, under an advisory lock so that workers starting together
    /// migrate once; refuses a schema a newer Closer migrated further.
    func migrate() async throws {
        try await client.transaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext('closer_job_queue_migrations'), hashtext(\(schema)))", logger: logger)
            try await connection.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: schema)", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS \(unescaped: schema).job_queue_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            var applied: Set<String> = []
            for try await id in try await connection.query("SELECT id FROM \(unescaped: schema).job_queue_migrations", logger: logger).decode(String.self) {
                applied.insert(id)
            }
            let known = Self.migrations(schema: schema)
            let unknown = applied.subtracting(known.map(\.id)).sorted()
            guard unknown.isEmpty else { throw JobQueueError.newerSchema(schema: schema, unknown: unknown) }
            for migration in known where !applied.contains(migration.id) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO \(unescaped: schema).job_queue_migrations (id) VALUES (\(migration.id))", logger: logger)
            }
        }
    }
}
