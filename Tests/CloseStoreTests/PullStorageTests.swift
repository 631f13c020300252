@testable import CloseStore
import Foundation
import Ledger
import Testing

@Suite struct PullStorageTests {
    let key: SourceKey = "test:fixture"

    func save(_ database: AppDatabase, _ result: PullResult, incremental: Bool = false) throws -> PullOutcome {
        let run = try database.startRun(kind: "pull", period: "2026-10", actor: "tester")
        return try database.savePull(result, sourceKey: key, window: LedgerFixture.window, incremental: incremental, runID: run, actor: "tester")
    }

    @Test func aPullRoundTripsExactly() throws {
        let database = try AppDatabase.inMemory()
        let original = LedgerFixture.result([LedgerFixture.move(1), LedgerFixture.move(2, state: .draft, amount: 12_345)])
        let outcome = try save(database, original)
        #expect(outcome.stored.moves == 2 && outcome.stored.lines == 4)
        #expect(outcome.changes.isEmpty)
        let loaded = try database.loadSnapshot(sourceKey: key)
        #expect(loaded.moves == original.snapshot.moves)
        #expect(loaded.lines == original.snapshot.lines)
        #expect(loaded.accounts == original.snapshot.accounts)
        #expect(loaded.company == original.snapshot.company)
    }

    @Test func aRewrittenPostedEntryIsReportedOnce() throws {
        let database = try AppDatabase.inMemory()
        _ = try save(database, LedgerFixture.result([LedgerFixture.move(1), LedgerFixture.move(2)]))
        // An administrator rewrites a posted line of move 2 (Odoo accepts this).
        let edited = LedgerFixture.move(2, amount: 99_999, written: "2026-11-02 10:00:00")
        let second = try save(database, LedgerFixture.result([edited], allIDs: [1, 2]), incremental: true)
        #expect(second.changes.map(\.moveID) == [2])
        #expect(second.changes.first?.message.contains("MISC/2026/10/0002") == true)
        #expect(try database.loadSnapshot(sourceKey: key).lines.first { $0.id == 20 }?.debit.minorUnits == 99_999)
        // Pulling the same state again reports nothing new.
        let third = try save(database, LedgerFixture.result([edited], allIDs: [1, 2]), incremental: true)
        #expect(third.changes.isEmpty)
        #expect(try database.moveChanges(sourceKey: key).count == 1)
    }

    @Test func draftChangesAndReconciliationAreNotReported() throws {
        let database = try AppDatabase.inMemory()
        _ = try save(database, LedgerFixture.result([LedgerFixture.move(1, state: .draft)]))
        var (move, lines) = LedgerFixture.move(1, state: .draft, amount: 5)
        _ = try save(database, LedgerFixture.result([(move, lines)]))
        move.state = .posted
        _ = try save(database, LedgerFixture.result([(move, lines)]))
        lines[1].reconciled = true
        lines[1].matchingNumber = "A12"
        move.amountResidual = LedgerFixture.usd.money(0)
        #expect(try save(database, LedgerFixture.result([(move, lines)])).changes.isEmpty)
    }

    @Test func aDeletedPostedEntryIsReported() throws {
        let database = try AppDatabase.inMemory()
        _ = try save(database, LedgerFixture.result([LedgerFixture.move(1), LedgerFixture.move(2)]))
        let outcome = try save(database, LedgerFixture.result([], allIDs: [1]), incremental: true)
        #expect(outcome.changes.map(\.kind) == [.deleted])
        #expect(outcome.stored.moves == 1)
    }

    @Test func thePullIsAuditedAndTheChainHolds() throws {
        let database = try AppDatabase.inMemory()
        _ = try save(database, LedgerFixture.result([LedgerFixture.move(1)]))
        let actions = try database.auditEvents().map(\.action)
        #expect(actions == ["pull.started", "ledger.pulled"])
        #expect(try database.verifyAuditTrail().isIntact)
    }

    @Test func theCursorIsOnlyOfferedForACoveredWindow() throws {
        let database = try AppDatabase.inMemory()
        #expect(try database.pullCursor(sourceKey: key, covering: LedgerFixture.window) == nil)
        _ = try save(database, LedgerFixture.result([LedgerFixture.move(1, written: "2026-10-09 08:00:00")]))
        #expect(try database.pullCursor(sourceKey: key, covering: LedgerFixture.window)?.description == "2026-10-09 08:00:00")
        let wider = DateRange(LocalDate(year: 2026, month: 9, day: 1)!, LedgerFixture.window.last)
        #expect(try database.pullCursor(sourceKey: key, covering: wider) == nil)
    }

    @Test func aFileStoreUsesWAL() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("closer-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let database = try AppDatabase.openOrCreate(at: path)
        try database.recordAudit(NewAuditEvent(actor: "a", action: "b"))
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    }
}
