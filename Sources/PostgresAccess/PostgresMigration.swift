import Foundation
package import Logging
package import PostgresNIO

/// One numbered, frozen step of a schema's history on PostgreSQL (the queue's, the firm directory's): append, never edit.
package struct PostgresMigration: Sendable {
    package var id: String
    package var statements: [String]

    package init(id: String, statements: [String]) {
        self.id = id
        self.statements = statements
    }

    /// A schema name used unquoted in the statements: lower-case letters, digits and underscores, at most 63.
    package static func isPlainName(_ schema: String) -> Bool {
        schema.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil
    }

    /// Applies what is missing of `migrations` to `schema` in one transaction, recording each in `history`, under an
    /// advisory lock so that processes starting together migrate once. Ids recorded that this build does not know
    /// (a newer Closer migrated further) are handed to `refuseNewer`, whose error is thrown.
    package static func apply(_ migrations: [PostgresMigration], schema: String, history: String, client: PostgresClient, logger: Logger,
                              refuseNewer: ([String]) -> any Error) async throws {
        try await client.transaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(history)), hashtext(\(schema)))", logger: logger)
            try await connection.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: schema)", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS \(unescaped: schema).\(unescaped: history) (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            var applied: Set<String> = []
            for try await id in try await connection.query("SELECT id FROM \(unescaped: schema).\(unescaped: history)", logger: logger).decode(String.self) {
                applied.insert(id)
            }
            let unknown = applied.subtracting(migrations.map(\.id)).sorted()
            guard unknown.isEmpty else { throw refuseNewer(unknown) }
            for migration in migrations where !applied.contains(migration.id) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO \(unescaped: schema).\(unescaped: history) (id) VALUES (\(migration.id))", logger: logger)
            }
        }
    }
}
