import CloseChecks
@testable import CloseStore
import Ledger
import Testing

@Suite struct FindingStorageTests {
    let key: SourceKey = "test:fixture"
    let period = try! Period(parsing: "2026-10")

    func finding(_ check: String, _ id: Int, _ message: String = "m") -> Finding {
        Finding(checkID: check, severity: .blocking, period: period, company: RecordRef(model: "res.company", id: 1, name: "Co"),
                records: [FindingRecord(model: "account.move", id: id, name: "M\(id)")], message: message, evidence: [:])
    }

    func checkRun(_ database: AppDatabase, _ findings: [Finding]) throws -> FindingsComparison {
        let run = try database.startRun(kind: "check", period: period.description, actor: "tester")
        return try database.saveFindings(findings, runID: run, sourceKey: key, period: period, actor: "tester")
    }

    @Test func findingsAreComparedWithThePreviousCheckByIdentity() throws {
        let database = try AppDatabase.inMemory()
        let run = try database.startRun(kind: "pull", period: "2026-10", actor: "tester")
        _ = try database.savePull(LedgerFixture.result([LedgerFixture.move(1)]), sourceKey: key, window: LedgerFixture.window,
                                  incremental: false, runID: run, actor: "tester")

        let first = try checkRun(database, [finding("draft-in-period", 1), finding("unbalanced-entry", 2)])
        #expect(first.previousRunID == nil && first.new.count == 2)

        // Same problem with a reworded message is still the same finding; one fixed, one new.
        let second = try checkRun(database, [finding("draft-in-period", 1, "reworded"), finding("late-posting", 3)])
        #expect(second.stillOpen.map(\.checkID) == ["draft-in-period"])
        #expect(second.new.map(\.checkID) == ["late-posting"])
        #expect(second.resolved.map(\.checkID) == ["unbalanced-entry"])

        // A clean run resolves everything, and the run after it compares with the clean one.
        let clean = try checkRun(database, [])
        #expect(clean.resolved.count == 2 && clean.new.isEmpty)
        let after = try checkRun(database, [finding("draft-in-period", 1)])
        #expect(after.new.count == 1 && after.resolved.isEmpty)
        #expect(try database.verifyAuditTrail().isIntact)
    }

    @Test func checkingAnUnpulledSourceSaysWhatToDo() throws {
        let database = try AppDatabase.inMemory()
        let run = try database.startRun(kind: "check", period: "2026-10", actor: "tester")
        #expect(throws: StoreError.unknownCompany(key)) {
            try database.saveFindings([], runID: run, sourceKey: key, period: period, actor: "tester")
        }
    }
}
