import BankMatching
import CloseStore
import DemoCompany
@testable import CloseWorkflows
import Foundation
import Governance
import Testing
import Ledger

/// `closer reconcile withdraw`: a bank match's rejection or approval taken back before it is applied waits for
/// review again, stops teaching the model, and the next reconcile keeps it waiting under the same id.
@Suite struct MatchWithdrawalTests {
    @Test func aWithdrawnRejectionWaitsAgainStopsTeachingAndCanBeApproved() async throws {
        let (store, key, truth) = try await ReconcileServiceTests().pulledDemo()
        let proposals = try ReconcileService(store: store, actor: "alice").propose(sourceKey: key, period: truth.period).proposals
        let match = try #require(proposals.first { $0.proposal.best != nil })
        let bob = try ReconcileServiceTests.reviewer(store)
        try store.addUser(login: "dave", name: "Dave", roles: [.approver], odooUserID: nil, actor: "bob")
        _ = try bob.decide(id: match.id, sourceKey: key, approve: false, note: "wrong invoice", policy: ApprovalPolicy())
        #expect(try store.matchFeedback(sourceKey: key).count == 1)

        #expect(throws: ApprovalRefusal(rule: "who may undo", message: "dave cannot withdraw the rejection of bank-match proposal \(match.id): "
                                        + "only bob, who made it, or a controller may; dave holds approver")) {
            try ReconcileService(store: store, actor: "dave").withdraw(ids: [match.id], sourceKey: key, reason: "mine now")
        }
        let withdrawn = try bob.withdraw(ids: [match.id], sourceKey: key, reason: "it was the right invoice after all")[0]
        #expect(withdrawn.proposal.status == .proposed && withdrawn.decision == .rejection)
        #expect(try store.matchFeedback(sourceKey: key).isEmpty)
        let event = try #require(try store.auditEvents().last)
        #expect(event.action == "match.decision.withdrawn" && event.actor == "bob" && event.payload.contains("it was the right invoice after all"))

        // The next reconcile proposes it again under the same id, still waiting; then it is decided afresh.
        let again = try ReconcileService(store: store, actor: "alice").propose(sourceKey: key, period: truth.period).proposals
        #expect(again.contains { $0.id == match.id && $0.status == .proposed })
        #expect(try ReconcileService(store: store, actor: "dave").decide(id: match.id, sourceKey: key, approve: true, note: nil,
                                                                         policy: ApprovalPolicy()).proposal.status == .approved)
        try store.markMatchProposal(id: match.id, applied: true, detail: "written", actor: "test")
        #expect(throws: WithdrawalError.settled("bank-match proposal \(match.id)", status: "applied")) {
            try bob.withdraw(ids: [match.id], sourceKey: key, reason: "too late")
        }
    }
}
