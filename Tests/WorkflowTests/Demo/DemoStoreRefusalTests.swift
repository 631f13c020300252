@testable import CloseDemo
import CloseStore
import Foundation
import Governance
import PostgresSupport
import Testing

/// `closer demo` replaces only what an earlier demo left: a store an earlier Closer wrote (its newer migrations not run
/// yet) is still read as the earlier demo it is, a store with people in it is left alone, and a file that is no store says so.
@Suite struct DemoStoreRefusalTests {
    static func directory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-demo-refusal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func path() throws -> String { TestStore.location("demo", in: try directory()) }

    @Test func aStoreAnEarlierCloserWroteIsStillAnEarlierDemo() throws {
        let path = try Self.path()
        _ = try AppDatabase.openOrCreate(at: path)
        // As if written before one of this Closer's migrations existed.
        try TestStore.byHand(path, sqlite: "DELETE FROM grdb_migrations WHERE identifier = (SELECT MAX(identifier) FROM grdb_migrations)",
                             postgres: "DELETE FROM closer_store_migrations WHERE id = (SELECT MAX(id) FROM closer_store_migrations)")
        #expect(throws: StoreError.self) { try AppDatabase.openReadOnly(at: path) }
        try DemoService.refuseWork(at: path)
        #expect(try AppDatabase.contents(at: path).isEarlierDemo)
        try AppDatabase.remove(at: path)
        #expect(try !AppDatabase.isOccupied(path))
        #expect(throws: StoreError.self) { try AppDatabase.open(at: path) }
    }

    @Test func aStoreWithPeopleIsLeftAloneAndAFileThatIsNoStoreSaysSo() throws {
        let path = try Self.path()
        _ = try AppDatabase.openOrCreate(at: path).addUser(login: "carol", name: "Carol", roles: [.controller], odooUserID: nil, actor: "admin")
        #expect(throws: DemoError.self) { try DemoService.refuseWork(at: path) }
        let text = try Self.directory().appendingPathComponent("demo.sqlite").path
        try "not a database".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: DemoError.unreadableStore(path: text)) { try DemoService.refuseWork(at: text) }
    }
}
