import Foundation
package import Logging
import PostgresAccess
package import PostgresNIO

/// Row-level security by tenant for a firm's tables on PostgreSQL: every tenant has a role of its own,
/// "<schema>/<tenant>" (NOLOGIN), and a session sees a row of such a table only when its user is a member of
/// that row's tenant's role. The tables' owner (the workers' and the console's login) is not subject to it.
/// A firm grants a person's or a reporting tool's PostgreSQL login the role of each tenant it may read.
public enum TenantRowSecurity {
    /// The tenant's role in `schema`; nil when the name would exceed PostgreSQL's 63 bytes.
    public static func roleName(schema: String, tenant: String) -> String? {
        let name = "\(schema)/\(tenant)"
        return name.utf8.count <= 63 ? name : nil
    }

    /// The statements that put `table` (with a `tenant` column) under the tenant policy, for a migration.
    /// `pg_has_role` is asked only about roles that exist, so a tenant without a role shows its rows to no one.
    package static func enable(on table: String, schema: String) -> [String] {
        let policy = table.split(separator: ".").last.map { "\($0)_tenant_rows" } ?? "tenant_rows"
        return [
            "ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY",
            """
            CREATE POLICY \(policy) ON \(table) FOR SELECT USING (EXISTS (
                SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = '\(schema)/' || tenant AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER')))
            """,
        ]
    }

    /// Creates the tenant's role when missing and lets it read `tables` (the policy keeps other tenants' rows out);
    /// grants it to `member`, a PostgreSQL role, when given. Needs CREATEROLE. Returns the role's name.
    package static func openRole(schema: String, tenant: String, tables: [String], member: String?, client: PostgresClient,
                                 logger: Logger) async throws -> String {
        guard let role = roleName(schema: schema, tenant: tenant) else {
            throw JobQueueError.invalidRequest("The role \(schema)/\(tenant) would be longer than PostgreSQL's 63 bytes: use a shorter schema name.")
        }
        let quoted = quote(role)
        try await client.transaction(logger: logger) { connection in
            // Two consoles opening the same tenant's role at once: one creates it.
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext('closer_tenant_roles'), hashtext(\(role)))", logger: logger)
            let exists = try await connection.query("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = \(role)", logger: logger).collect().count == 1
            if !exists { try await connection.query(PostgresQuery(unsafeSQL: "CREATE ROLE \(quoted) NOLOGIN"), logger: logger) }
            try await connection.query(PostgresQuery(unsafeSQL: "GRANT USAGE ON SCHEMA \(schema) TO \(quoted)"), logger: logger)
            for table in tables {
                try await connection.query(PostgresQuery(unsafeSQL: "GRANT SELECT ON \(table) TO \(quoted)"), logger: logger)
            }
            if let member { try await connection.query(PostgresQuery(unsafeSQL: "GRANT \(quoted) TO \(quote(member))"), logger: logger) }
        }
        return role
    }

    /// A PostgreSQL identifier in double quotes, inner quotes doubled.
    static func quote(_ identifier: String) -> String { "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
