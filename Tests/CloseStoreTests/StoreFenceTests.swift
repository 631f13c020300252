import CloseStore
import Foundation
import Testing
import PostgresSupport

/// A firm worker's store handle is fenced by its lease: once a newer lease of the same job claims the store,
/// the older handle writes nothing, while other jobs and unfenced handles (the command line) go on.
struct StoreFenceTests {
    static func store() throws -> AppDatabase {
        try AppDatabase.openOrCreate(at: TestStore.location("fence-\(UUID().uuidString)", in: FileManager.default.temporaryDirectory))
    }

    /// The logins whose Odoo uid the store keeps: what the writes below wrote.
    static func kept(_ store: AppDatabase) throws -> [String] {
        try ["cli", "first", "holder", "late", "next"].filter { try store.odooLoginUID(url: "https://odoo.example", database: "db", login: $0) != nil }
    }

    @Test func aReplacedLeaseWritesNothingAndCannotClaimAgain() throws {
        let store = try Self.store()
        let stale = try store.fenced(by: StoreFence(job: "job 7", token: 1))
        try stale.keepOdooLoginUID(1, url: "https://odoo.example", database: "db", login: "first")

        let current = try store.fenced(by: StoreFence(job: "job 7", token: 2))
        #expect(throws: StoreError.fenced(path: store.path, job: "job 7", token: 1, current: 2)) {
            try stale.keepOdooLoginUID(1, url: "https://odoo.example", database: "db", login: "late")
        }
        #expect(throws: StoreError.fenced(path: store.path, job: "job 7", token: 1, current: 2)) {
            _ = try store.fenced(by: StoreFence(job: "job 7", token: 1))
        }
        #expect(try Self.kept(store) == ["first"])

        try current.keepOdooLoginUID(1, url: "https://odoo.example", database: "db", login: "holder")
        try store.fenced(by: StoreFence(job: "job 8", token: 1)).keepOdooLoginUID(1, url: "https://odoo.example", database: "db", login: "next")
        try store.keepOdooLoginUID(1, url: "https://odoo.example", database: "db", login: "cli")
        #expect(try Self.kept(store) == ["cli", "first", "holder", "next"])
        #expect(StoreError.fenced(path: "s", job: "job 7", token: 1, current: 2).description.contains("lost its lease and writes nothing more"))
    }
}
