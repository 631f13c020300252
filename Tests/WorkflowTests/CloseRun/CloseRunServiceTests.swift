@testable import CloseWorkflows
import Ledger
import Testing
import CloseStore
import DemoCompany
import Governance

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

    /// Whoever starts the close does not become the preparer of what it proposes: a controller who ran
    /// `closer close` can still approve, and nobody is refused as the preparer of the agent's drafts.
    @Test func theCloseRunPreparesAsTheAgentSoItsStarterCanApprove() async throws {
        let asOf = try #require(LocalDate(iso: "2026-11-04"))
        let book = DemoCompany.generate(DemoOptions(targetLines: 3_000))
        let (store, key, period) = (try AppDatabase.inMemory(), SourceKey("demo:close-run"), book.groundTruth.period)
        try store.addUser(login: "carol", name: "Carol", roles: [.controller], odooUserID: nil, actor: "test")
        _ = try await CloseRunService(store: store, actor: "carol").run(pullingFrom: DemoLedgerSource(book: book), sourceKey: key, period: period,
                                                                        asOf: asOf)
        let adjustments = try store.adjustments(sourceKey: key, period: period, statuses: [.proposed])
        let matches = try store.matchProposals(sourceKey: key, statuses: [.proposed])
        #expect(!adjustments.isEmpty && !matches.isEmpty)
        #expect(adjustments.allSatisfy { $0.preparedBy != "carol" } && matches.allSatisfy { $0.preparedBy != "carol" })
        let review = try AdjustmentService(store: store, actor: "carol").approve(ids: adjustments.map(\.id), sourceKey: key, note: nil,
                                                                                  policy: ApprovalPolicy())
        #expect(!review.refused.contains { $0.reason.contains("separation of duties") })
        #expect(!review.decided.isEmpty)
    }
}
