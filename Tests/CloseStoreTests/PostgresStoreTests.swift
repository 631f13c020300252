@testable import CloseStore
import Foundation
import GRDB
import PostgresAccess
import Synchronization
import Testing

private let postgresServer = ProcessInfo.processInfo.environment["CLOSER_TEST_POSTGRES_URL"]

/// The store on a real PostgreSQL (CLOSER_TEST_POSTGRES_URL): opened by URL, migrated under the same frozen ids to the
/// same tables as SQLite's, refusing what SQLite refuses, and keeping one audit chain when two processes write at once.
@Suite(.enabled(if: postgresServer != nil, "set CLOSER_TEST_POSTGRES_URL to run the PostgreSQL store's tests"))
struct PostgresStoreTests {

    /// A URL naming a fresh schema, and the schema dropped after `body`.
    func withSchema<Result>(_ body: (String) throws -> Result) throws -> Result {
        let schema = "closer_s_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let url = AppDatabase.postgresURL(try #require(postgresServer), schema: schema)
        defer {
            if let store = try? AppDatabase.open(at: url) {
                _ = try? store.writer.write { try $0.execute(sql: "DROP SCHEMA \"\(schema)\" CASCADE") }
            }
        }
        return try body(url)
    }

    @Test func aMistypedSchemaIsNotFoundAndNothingIsCreated() throws {
        try withSchema { url in
            let missing = #expect(throws: StoreError.self) { try AppDatabase.open(at: url) }
            #expect(missing.map { if case .notFound = $0 { true } else { false } } == true)
            #expect(missing.map { !String(describing: $0).contains(":closer@") } == true, "the password is not repeated")
            #expect(throws: StoreError.self) { try AppDatabase.openReadOnly(at: url) }
            #expect(throws: StoreError.self) { try AppDatabase.open(at: url) }
            _ = try AppDatabase.openOrCreate(at: url)
            #expect(try AppDatabase.open(at: url).contents().users == 0)
        }
    }

    @Test func bothEnginesHaveTheSameMigrationsAndTheSameTablesAndColumns() throws {
        #expect(AppDatabase.migrator.migrations == AppDatabase.postgresMigrations.map(\.id))
        let sqlite = try DatabaseQueue()
        _ = try AppDatabase(sqlite)
        let sqliteColumns = try sqlite.read { db in
            try Dictionary(uniqueKeysWithValues: String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'")
                .map { table in (table, try db.columns(in: table).map(\.name)) })
        }
        try withSchema { url in
            let store = try AppDatabase.openOrCreate(at: url)
            let postgresColumns = try store.writer.read { db in
                try Dictionary(uniqueKeysWithValues: String.fetchAll(db, sql: """
                    SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'closer_store_migrations'
                    """).map { table in (table, try db.columnNames(of: table)) })
            }
            #expect(postgresColumns == sqliteColumns)
            #expect(try store.writer.read { try Set($0.triggerNames(on: "audit_event")) }
                    == ["audit_event_append_only_update", "audit_event_append_only_delete"])
        }
    }

    @Test func theAuditTrailRefusesChangesAndFourWritersAtOnceKeepOneChain() throws {
        try withSchema { url in
            let stores = [try AppDatabase.openOrCreate(at: url)] + (try (1..<4).map { _ in try AppDatabase.open(at: url) })
            let first = stores[0]
            // Four connections, as four processes would have, appending at once: each write waits for the others' commits, so
            // none reads a head another is replacing (without the lock, two would write the same sequence number).
            let failures = Mutex(0)
            DispatchQueue.concurrentPerform(iterations: stores.count) { index in
                for event in 1...40 {
                    do {
                        _ = try stores[index].recordAudit(NewAuditEvent(actor: "writer\(index)", action: "test.event",
                                                                        targets: [AuditTarget(model: "closer.test", id: "\(event)")], payload: [:]))
                    } catch {
                        failures.withLock { $0 += 1 }
                    }
                }
            }
            #expect(failures.withLock { $0 } == 0)
            let verification = try first.verifyAuditTrail()
            #expect(verification.isIntact && verification.eventCount == 160)
            #expect(try stores[3].auditEvents().map(\.seq) == Array(1...160))
            #expect(throws: (any Error).self) { try first.writer.write { try $0.execute(sql: "UPDATE audit_event SET actor = 'mallory' WHERE seq = 1") } }
            #expect(throws: (any Error).self) { try first.writer.write { try $0.execute(sql: "DELETE FROM audit_event WHERE seq = 2") } }
            #expect(try first.verifyAuditTrail().isIntact)
        }
    }
}
