import Ledger

extension AppDatabase {
    /// What the store at `path` holds, read without writing to it — also when an earlier Closer wrote it and this one's
    /// migrations have not run there yet (the tables it reads are among the first ones).
    public static func contents(at path: String) throws -> StoreContents {
        if isPostgresURL(path) { return try open(at: path).contents() }
        return try StoreConnection.translating(path: path) { try AppDatabase(inspecting: readOnlyQueue(at: path)).contents() }
    }

    /// What the store holds: people, audit events, ledgers, and the last thing audited.
    public func contents() throws -> StoreContents {
        try writer.read { db -> StoreContents in
            let users = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM closer_user WHERE kind = 'human'") ?? 0
            let events = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_event") ?? 0
            let ledgers = try String.fetchAll(db, sql: "SELECT source_key FROM company ORDER BY source_key").map { SourceKey($0) }
            let last = try String.fetchOne(db, sql: "SELECT action FROM audit_event ORDER BY seq DESC LIMIT 1")
            return StoreContents(users: users, auditEvents: events, ledgers: ledgers, lastAction: last)
        }
    }

    /// SQLite's own check of every page and index; empty when the file is sound. PostgreSQL checks its pages itself.
    func integrityProblems() throws -> [String] {
        try writer.read { db in
            db.dialect == .sqlite ? try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" } : []
        }
    }
}
