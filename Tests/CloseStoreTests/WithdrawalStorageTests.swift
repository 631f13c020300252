import CloseStore
import Foundation
import Governance
import Testing
import Ledger

/// Taking a decision back before it is applied: only its maker or a controller may, with a reason; the proposal
/// waits for review again and can be decided afresh; the trail says whose decision it was, who withdrew it and why.
@Suite struct WithdrawalStorageTests {
    let approvals = ApprovalEnforcementTests()
    var key: SourceKey { approvals.storage.key }

    func withdraw(_ database: AppDatabase, _ id: Int64, by actor: String, reason: String = "approved the wrong month") throws
        -> Withdrawal<StoredAdjustment> {
        try database.withdrawAdjustmentDecision(id: id, sourceKey: key, actor: actor, reason: reason)
    }

    static func fields(_ event: AuditEvent) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: Data(event.payload.utf8))
    }

    func refusal(_ database: AppDatabase, _ id: Int64, by actor: String, reason: String = "wrong") -> String {
        do {
            _ = try withdraw(database, id, by: actor, reason: reason)
            return "allowed"
        } catch { return String(describing: error) }
    }

    @Test func onlyTheApproverOrAControllerWithdrawsAnApprovalAndTheProposalCanBeApprovedAgain() throws {
        let (database, stored) = try approvals.store(accrualCents: 2_000_00)
        #expect(try approvals.approve(database, stored.id, by: "bob").proposal.status == .approved)
        let events = try database.auditEvents().count

        #expect(refusal(database, stored.id, by: "dave") == "who may undo: dave cannot withdraw the approval of adjustment proposal \(stored.id): "
                + "only bob, who made it, or a controller may; dave holds approver.")
        #expect(refusal(database, stored.id, by: CloserUser.agentLogin).hasPrefix("the agent never approves"))
        #expect(refusal(database, stored.id, by: "bob", reason: "  ").contains("needs a reason"))
        #expect(try database.adjustment(id: stored.id, sourceKey: key).status == .approved)
        #expect(try database.auditEvents().count == events)

        let withdrawn = try withdraw(database, stored.id, by: "bob")
        #expect(withdrawn.proposal.status == .proposed && withdrawn.decision == .approval && withdrawn.madeBy == ["bob"])
        #expect(try database.adjustment(id: stored.id, sourceKey: key).status == .proposed)
        #expect(try database.approvals(of: ProposalRef(.adjustment, stored.id)).isEmpty)
        let event = try #require(try database.auditEvents().last)
        #expect(event.action == "adjustment.decision.withdrawn" && event.actor == "bob")
        let fields = try Self.fields(event)
        #expect(fields["reason"] == "approved the wrong month" && fields["made_by"] == "bob" && fields["withdrawn"] == "approval")

        // Decided again: bob may approve once more, and nothing is left to withdraw from a proposal just waiting.
        #expect(refusal(database, stored.id, by: "bob") == "Nothing to withdraw: adjustment proposal \(stored.id) has no approval or rejection, "
                + "it is waiting for review.")
        #expect(try approvals.approve(database, stored.id, by: "bob").proposal.status == .approved)
        #expect(try database.verifyAuditTrail().isIntact)
    }

    @Test func aControllerWithdrawsSomeoneElsesRejectionButNotAfterTheProposalWasApplied() throws {
        let (database, stored) = try approvals.store(accrualCents: 2_000_00)
        _ = try database.decideAdjustment(id: stored.id, sourceKey: key, approved: false, actor: "bob", note: "no bill expected",
                                          policy: ApprovalPolicy())
        #expect(refusal(database, stored.id, by: "dave").hasPrefix("who may undo: dave cannot withdraw the rejection of adjustment proposal"))
        let withdrawn = try withdraw(database, stored.id, by: "carol", reason: "the bill did not come after all")
        #expect(withdrawn.decision == .rejection && withdrawn.madeBy == ["bob"] && withdrawn.withdrawnBy == "carol")
        #expect(try Self.fields(#require(try database.auditEvents().last))["made_by"] == "bob")

        // Waiting again: dave approves it now, and once applied it stays applied.
        #expect(try approvals.approve(database, stored.id, by: "dave").proposal.status == .approved)
        try database.markAdjustment(id: stored.id, sourceKey: key, status: .applied, detail: "written", actor: "test")
        #expect(refusal(database, stored.id, by: "carol") == "Cannot withdraw: adjustment proposal \(stored.id) is applied, and a decision can only "
                + "be withdrawn before it is applied (`closer rollback` undoes written entries).")
    }

    @Test func withdrawingOneOfTwoApprovalsLeavesTheOtherStanding() throws {
        let (database, stored) = try approvals.store(accrualCents: 60_000_00)
        _ = try approvals.approve(database, stored.id, by: "bob")
        #expect(try approvals.approve(database, stored.id, by: "carol").proposal.status == .approved)
        let withdrawn = try withdraw(database, stored.id, by: "carol")
        #expect(withdrawn.madeBy == ["carol"] && withdrawn.approvalsLeft.map(\.login) == ["bob"])
        #expect(try database.adjustment(id: stored.id, sourceKey: key).status == .proposed)
        #expect(try approvals.approve(database, stored.id, by: "carol").proposal.status == .approved)
    }
}
