import Foundation
import Ledger

extension AppDatabase {
    /// Whether anything is kept at `path`: a file that is not empty, or a schema holding a store.
    public static func isOccupied(_ path: String) throws -> Bool {
        if isPostgresURL(path) { return try PostgresStoreConnection(url: path).exists() }
        return ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 0
    }

    /// Deletes the store at `path` and everything in it (the demo's fresh start): the file and its logs, or the schema.
    public static func remove(at path: String) throws {
        if isPostgresURL(path) { return try PostgresStoreConnection(url: path).drop() }
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    /// What the store at `path` holds, read without writing to it — also when an earlier Closer wrote it and this one's
    /// migrations have not run there yet (the tables it reads are among the first ones).
    public static func contents(at path: String) throws -> StoreContents {
        if isPostgresURL(path) {
            let connection = try PostgresStoreConnection(url: path)
            guard try connection.exists() else { throw StoreError.notFound(path: connection.name) }
            return try AppDatabase(connection: StoreConnection(.postgres(connection))).contents()
        }
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
