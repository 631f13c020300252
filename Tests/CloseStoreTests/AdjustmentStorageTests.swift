import Adjustments
import CloseStore
import Foundation
import Governance
import Ledger
import Testing

@Suite struct AdjustmentStorageTests {
    let key: SourceKey = "test:fixture"
    let period = try! Period(parsing: "2026-10")

    func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        let run = try database.startRun(kind: "pull", period: period.description, actor: "tester")
        _ = try database.savePull(LedgerFixture.result([LedgerFixture.move(1)]), sourceKey: key, window: LedgerFixture.window,
                                  incremental: false, runID: run, actor: "tester")
        try database.addUser(login: "approver", name: "Approver", roles: [.approver], odooUserID: nil, actor: "tester")
        return database
    }

    func accrual(_ vendor: Int, _ cents: Int64) -> AdjustmentProposal {
        let money = LedgerFixture.usd.money
        return AdjustmentProposal(
            kind: .accrual, company: RecordRef(model: "res.company", id: 1, name: "Fixture Co"), period: period, subject: "partner-\(vendor)",
            entry: ProposedEntry(journalID: 3, date: period.end, ref: "Accrual \(vendor)", lines: [
                ProposedLine(accountID: 22, partnerID: vendor, label: "Accrued", amount: money(cents)),
                ProposedLine(accountID: 12, partnerID: vendor, label: "Accrued", amount: money(-cents)),
            ], reversalDate: period.next.start),
            calculation: [CalculationStep("mean of 3 months", amount: money(cents))], evidence: [], confidence: 0.9, reason: "recurring")
    }

    func propose(_ database: AppDatabase, _ proposals: [AdjustmentProposal]) throws -> [StoredAdjustment] {
        let run = try database.startRun(kind: "propose", period: period.description, actor: "preparer")
        return try database.saveAdjustmentProposals(proposals, kinds: [.accrual], runID: run, sourceKey: key, period: period, actor: "preparer")
    }

    @Test func proposingAgainUnchangedKeepsTheDecisionAndChangedVoidsTheApproval() throws {
        let database = try database()
        let first = try propose(database, [accrual(7, 120_000), accrual(8, 5_000)])
        let approved = try database.decideAdjustment(id: first[0].id, sourceKey: key, approved: true, actor: "approver", note: nil, policy: ApprovalPolicy())
        #expect(approved.proposal.status == .approved && approved.proposal.decidedBy == "approver")

        // The same drafts again: same rows, the approval stands.
        let again = try propose(database, [accrual(7, 120_000), accrual(8, 5_000)])
        #expect(again.map(\.id) == first.map(\.id))
        #expect(try database.adjustment(id: first[0].id, sourceKey: key).status == .approved)

        // A changed amount is a different proposal to approve: back to review, and the trail says the approval was voided.
        let changed = try propose(database, [accrual(7, 125_000), accrual(8, 5_000)])
        #expect(changed[0].id == first[0].id && changed[0].status == .proposed)
        #expect(changed[0].evidenceSHA256 != first[0].evidenceSHA256)
        let voided = try database.auditEvents().filter { $0.action == "adjustment.approval.voided" }
        #expect(voided.count == 1 && voided[0].payload.contains(first[0].evidenceSHA256))

        // Vendor 8's bill arrived: the next run no longer proposes it, and it is withdrawn.
        _ = try propose(database, [accrual(7, 125_000)])
        #expect(try database.adjustment(id: first[1].id, sourceKey: key).status == .withdrawn)
        #expect(try database.adjustments(sourceKey: key, statuses: [.proposed]).map(\.id) == [first[0].id])
        #expect(try database.verifyAuditTrail().isIntact)
    }

    @Test func decisionsNeedAProposalWaitingForReviewAndRejectionsAReason() throws {
        let database = try database()
        let stored = try propose(database, [accrual(7, 120_000)])[0]
        #expect(throws: AdjustmentReviewError.reasonRequired(stored.id)) {
            try database.decideAdjustment(id: stored.id, sourceKey: key, approved: false, actor: "approver", note: "  ", policy: ApprovalPolicy())
        }
        let rejected = try database.decideAdjustment(id: stored.id, sourceKey: key, approved: false, actor: "approver", note: "bill arrived by mail", policy: ApprovalPolicy())
        #expect(rejected.proposal.status == .rejected && rejected.proposal.note == "bill arrived by mail")
        #expect(throws: AdjustmentReviewError.notReviewable(stored.id, status: .rejected)) {
            try database.decideAdjustment(id: stored.id, sourceKey: key, approved: true, actor: "approver", note: nil, policy: ApprovalPolicy())
        }
        #expect(throws: AdjustmentReviewError.unknownProposal(999)) {
            try database.decideAdjustment(id: 999, sourceKey: key, approved: true, actor: "approver", note: nil, policy: ApprovalPolicy())
        }
        let events = try database.auditEvents().filter { $0.action == "adjustment.rejected" }
        #expect(events.count == 1 && events[0].payload.contains(stored.evidenceSHA256))
    }

    @Test func appliedProposalsAreNeverReproposedAndBatchesKeepTheirWrites() throws {
        let database = try database()
        let stored = try propose(database, [accrual(7, 120_000)])[0]
        _ = try database.decideAdjustment(id: stored.id, sourceKey: key, approved: true, actor: "approver", note: nil, policy: ApprovalPolicy())
        let batch = try database.startAdjustmentBatch(sourceKey: key, actor: "applier", beforeState: "[]")
        try database.recordAdjustmentWrite(batchID: batch, AdjustmentWrite(proposalID: stored.id, role: "entry", odooMoveID: 501, created: true))
        try database.recordAdjustmentWrite(batchID: batch, AdjustmentWrite(proposalID: stored.id, role: "reversal", odooMoveID: 502, created: true))
        try database.markAdjustment(id: stored.id, sourceKey: key, status: .applied, detail: "created", actor: "applier")
        try database.finishAdjustmentBatch(batch, status: .succeeded, report: "{}", actor: "applier")

        let again = try propose(database, [accrual(7, 130_000)])
        #expect(again[0].status == .applied && again[0].evidenceSHA256 == stored.evidenceSHA256)
        let loaded = try database.adjustmentBatch(batch, sourceKey: key)
        #expect(loaded.status == .succeeded && loaded.writes.map(\.odooMoveID) == [501, 502])
        #expect(throws: AdjustmentReviewError.unknownBatch(99)) { try database.adjustmentBatch(99, sourceKey: key) }

        // Who approved entry 502, on what evidence: one question, answered from the store and the trail.
        let provenance = try #require(try database.provenance(sourceKey: key, odooMoveID: 502))
        let proposal = try #require(provenance.proposals.first)
        #expect(proposal.title == "accrual proposal \(stored.id) (its reversal)" && proposal.preparedBy == "preparer")
        #expect(proposal.approvals.map(\.login) == ["approver"] && proposal.approvals.first?.evidenceSHA256 == stored.evidenceSHA256)
        #expect(proposal.batchID == batch && proposal.appliedBy == "applier")
        #expect(proposal.events.map(\.action) == ["adjustment.proposed", "adjustment.approved", "adjustment.batch.started", "adjustment.applied",
                                                  "adjustment.batch.succeeded"])
        #expect(try database.provenance(sourceKey: key, odooMoveID: 999) == nil)
    }

    @Test func theAutonomousPolicyApprovesOnlyAtItsConfidenceAndSaysItWasThePolicy() throws {
        let database = try database()
        let stored = try propose(database, [accrual(7, 120_000)])[0]   // confidence 0.9
        #expect(throws: ApprovalRefusal.self) { try database.approveByAutonomousPolicy(id: stored.id, sourceKey: key, threshold: 0.95) }
        #expect(try database.adjustment(id: stored.id, sourceKey: key).status == .proposed)
        let approved = try database.approveByAutonomousPolicy(id: stored.id, sourceKey: key, threshold: 0.85)
        #expect(approved.status == .approved && approved.decidedBy == AppDatabase.autonomousDecider)
        let event = try #require(try database.auditEvents().last)
        #expect(event.action == "adjustment.approved.by-policy" && event.actor == CloserUser.agentLogin && event.payload.contains(stored.evidenceSHA256))
        #expect(throws: AdjustmentReviewError.notReviewable(stored.id, status: .approved)) {
            try database.approveByAutonomousPolicy(id: stored.id, sourceKey: key, threshold: 0.85)
        }
    }
}
