@testable import CloseWorkflows
import Ledger
import Testing
import CloseStore

@Suite struct CloseRunServiceTests {
    @Test func theCloseRunSaysWhatIsLeftAndWhatBlocksTheLock() async throws {
        let asOf = try #require(LocalDate(iso: "2026-11-04"))
        let (store, key, period, checks) = try await ClosedDemo.make(asOf: asOf)
        let standing = try await CloseRunService(store: store, actor: "closer-agent").run(pullingFrom: nil, sourceKey: key, period: period, asOf: asOf)
        #expect(standing.findingsBySeverity == checks.countsBySeverity)
        #expect(standing.adjustmentsByStatus["proposed"] == standing.adjustmentsProposedNow && standing.adjustmentsProposedNow > 0)
        #expect(standing.checklist.hasPrefix("12 tasks:"))
        #expect(!standing.locked)
        #expect(standing.lockBlockers.contains { $0.contains("blocking finding") })
        #expect(standing.lockBlockers.contains { $0.contains("adjusting entries not settled: \(standing.adjustmentsProposedNow) proposed") })
        // Running it again re-proposes nothing new and keeps the trail intact.
        let again = try await CloseRunService(store: store, actor: "closer-agent").run(pullingFrom: nil, sourceKey: key, period: period, asOf: asOf)
        #expect(again.adjustmentsByStatus == standing.adjustmentsByStatus)
        #expect(try store.verifyAuditTrail().isIntact)
    }
}
