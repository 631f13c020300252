import PostgresAccess
import PostgresNIO

extension PostgresStoreConnection {
    /// Creates the company's schema when missing and applies the steps of `AppDatabase.postgresMigrations` it lacks, in one
    /// transaction, so processes opening the store together migrate it once. A store a newer Closer migrated is refused.
    func migrate() throws {
        try transaction(writing: true) { session in
            try session.runScript("""
                CREATE SCHEMA IF NOT EXISTS \(quotedSchema);
                CREATE TABLE IF NOT EXISTS \(quotedSchema).closer_store_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now());
                """)
            let applied = Set(try String.fetchAll(session, sql: "SELECT id FROM closer_store_migrations"))
            guard applied.isSubset(of: AppDatabase.postgresMigrations.map(\.id)) else {
                throw StoreError.unavailable(store: name, reason: "a newer Closer migrated it; run that Closer, or upgrade this one")
            }
            for migration in AppDatabase.postgresMigrations where !applied.contains(migration.id) {
                for statement in migration.statements { try session.runScript(statement) }
                try session.execute(sql: "INSERT INTO closer_store_migrations (id) VALUES (?)", arguments: [migration.id])
            }
        }
    }

    /// Drops the company's schema and everything in it, waiting for its writers as a write does.
    func drop() throws {
        try transaction(writing: true) { session in try session.runScript("DROP SCHEMA IF EXISTS \(quotedSchema) CASCADE") }
    }

    /// Whether the company's schema holds a store at all (a mistyped schema is an error, never a new empty store).
    func exists() throws -> Bool {
        try transaction(writing: false) { session in try Self.holdsStore(session, quotedSchema) }
    }

    private static func holdsStore(_ session: PostgresStoreSession, _ quotedSchema: String) throws -> Bool {
        try Bool.fetchOne(session, sql: "SELECT to_regclass(?) IS NOT NULL", arguments: [quotedSchema + ".closer_store_migrations"]) == true
    }

    /// Whether every step this Closer knows is applied, without writing anything.
    func isMigrated() throws -> Bool {
        try transaction(writing: false) { session in
            guard try Self.holdsStore(session, quotedSchema) else { return false }
            return Set(try String.fetchAll(session, sql: "SELECT id FROM closer_store_migrations")) == Set(AppDatabase.postgresMigrations.map(\.id))
        }
    }
}
