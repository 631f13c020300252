import JobQueue
import PostgresAccess

/// The directory's schema history, numbered and frozen, in `firm_directory_migrations` (beside the queue's, in the
/// same schema by default). Append, never edit.
extension PostgresFirmDirectory {
    static func migrations(schema: String) -> [PostgresMigration] {
        [
            PostgresMigration(id: "v1-members", statements: [
                """
                CREATE TABLE \(schema).firm_members (
                    login text PRIMARY KEY,
                    name text NOT NULL CHECK (name <> ''),
                    active boolean NOT NULL DEFAULT true,
                    added_by text NOT NULL,
                    added_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                """
                CREATE TABLE \(schema).firm_tokens (
                    prefix text PRIMARY KEY,
                    login text NOT NULL REFERENCES \(schema).firm_members (login),
                    token_sha256 text NOT NULL UNIQUE,
                    issued_by text NOT NULL,
                    issued_at timestamptz NOT NULL DEFAULT now(),
                    revoked_at timestamptz
                )
                """,
                """
                CREATE TABLE \(schema).firm_grants (
                    login text NOT NULL REFERENCES \(schema).firm_members (login),
                    tenant text NOT NULL CHECK (tenant <> ''),
                    role text NOT NULL CHECK (role IN ('viewer', 'preparer', 'approver', 'controller', 'admin')),
                    granted_by text NOT NULL,
                    granted_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (login, tenant, role)
                )
                """,
                "CREATE INDEX firm_grants_tenant ON \(schema).firm_grants (tenant)",
            ] + TenantRowSecurity.enable(on: "\(schema).firm_grants", schema: schema)),
            // Every change, kept after the grant or token it names is gone; a tenant's role reads its tenant's lines.
            PostgresMigration(id: "v2-history", statements: [
                """
                CREATE TABLE \(schema).firm_directory_history (
                    id bigserial PRIMARY KEY,
                    at timestamptz NOT NULL DEFAULT now(),
                    actor text NOT NULL,
                    action text NOT NULL,
                    login text NOT NULL,
                    tenant text,
                    role text,
                    token_prefix text
                )
                """,
                "CREATE INDEX firm_directory_history_login ON \(schema).firm_directory_history (login, id)",
            ] + TenantRowSecurity.enable(on: "\(schema).firm_directory_history", schema: schema)),
            // Console sign-ins: the browser holds a session id, never the member's token; only its SHA-256 is kept.
            PostgresMigration(id: "v3-sessions", statements: [
                """
                CREATE TABLE \(schema).firm_sessions (
                    id_sha256 text PRIMARY KEY,
                    login text NOT NULL REFERENCES \(schema).firm_members (login),
                    started_at timestamptz NOT NULL DEFAULT now(),
                    expires_at timestamptz NOT NULL,
                    ended_at timestamptz
                )
                """,
            ]),
        ]
    }
}
