import CloseStore
import Foundation
import Governance
import Testing
import Ledger
import Adjustments

/// The approval policy as the store enforces it: refusals name their rule and change nothing,
/// large amounts need several approvals of the current version, a changed proposal voids them.
@Suite struct ApprovalEnforcementTests {
    let storage = AdjustmentStorageTests()
    let policy = ApprovalPolicy()

    /// A pulled store with alice (preparer and approver), bob and dave (approvers), carol (controller), and
    /// one accrual of `cents` that alice proposed.
    func store(accrualCents cents: Int64) throws -> (AppDatabase, StoredAdjustment) {
        let database = try storage.database()   // "approver" is the bootstrap admin
        for (login, roles) in [("alice", [CloserRole.preparer, .approver]), ("bob", [.approver]), ("carol", [.controller]), ("dave", [.approver])] {
            try database.addUser(login: login, name: login.capitalized, roles: Set(roles), odooUserID: nil, actor: "approver")
        }
        return (database, try propose(database, cents: cents, as: "alice"))
    }

    func propose(_ database: AppDatabase, cents: Int64, as actor: String) throws -> StoredAdjustment {
        let run = try database.startRun(kind: "propose", period: storage.period.description, actor: actor)
        return try database.saveAdjustmentProposals([storage.accrual(7, cents)], kinds: [.accrual], runID: run, sourceKey: storage.key,
                                                    period: storage.period, actor: actor)[0]
    }

    func refusal(_ database: AppDatabase, _ id: Int64, by actor: String, approve: Bool = true) -> String {
        do {
            _ = try database.decideAdjustment(id: id, sourceKey: storage.key, approved: approve, actor: actor, note: approve ? nil : "no", policy: policy)
            return "allowed"
        } catch { return String(describing: error) }
    }

    func approve(_ database: AppDatabase, _ id: Int64, by actor: String) throws -> Reviewed<StoredAdjustment> {
        try database.decideAdjustment(id: id, sourceKey: storage.key, approved: true, actor: actor, note: nil, policy: policy)
    }

    @Test func selfAgentWrongRoleAndUnknownApprovalsAreRefusedByRuleAndChangeNothing() throws {
        let (database, stored) = try store(accrualCents: 20_000_00)
        let eventsBefore = try database.auditEvents().count

        #expect(refusal(database, stored.id, by: "alice")
                == "separation of duties: alice prepared adjustment proposal \(stored.id) and cannot approve it; another approver must approve it.")
        #expect(refusal(database, stored.id, by: CloserUser.agentLogin).hasPrefix("the agent never approves: closer-agent cannot approve"))
        #expect(refusal(database, stored.id, by: CloserUser.agentLogin, approve: false).hasPrefix("the agent never approves"))
        #expect(refusal(database, stored.id, by: "bob") == "approval policy: accrual proposals above 10,000 need a controller; bob holds approver.")
        #expect(refusal(database, stored.id, by: "mallory").contains("add them with `closer users add mallory"))

        // Nothing moved: still waiting, no approval recorded, nothing approved for `closer apply` to write, no event.
        #expect(try database.adjustment(id: stored.id, sourceKey: storage.key).status == .proposed)
        #expect(try database.approvals(of: ProposalRef(.adjustment, stored.id)).isEmpty)
        #expect(try database.adjustments(sourceKey: storage.key, statuses: [.approved]).isEmpty)
        #expect(try database.auditEvents().count == eventsBefore)

        // The controller's approval is enough at 20,000, and its event names the evidence and the role used.
        let approved = try approve(database, stored.id, by: "carol")
        #expect(approved.proposal.status == .approved && approved.outstanding == nil)
        let event = try #require(try database.auditEvents().last)
        #expect(event.action == "adjustment.approved" && event.payload.contains(stored.evidenceSHA256) && event.payload.contains("\"role\":\"controller\""))
    }

    @Test func aboveFiftyThousandTwoPeopleApproveOneOfThemAController() throws {
        let (database, stored) = try store(accrualCents: 60_000_00)
        let first = try approve(database, stored.id, by: "bob")
        #expect(first.proposal.status == .proposed)
        #expect(first.outstanding?.contains("1 of 2 approvals; accrual proposals above 50,000 need 2 approvals by approvers or controllers, "
                                            + "at least 1 by a controller") == true)
        #expect(try database.auditEvents().last?.action == "adjustment.approval.recorded")

        #expect(refusal(database, stored.id, by: "bob").hasPrefix("separation of duties: bob already approved adjustment proposal \(stored.id)"))
        #expect(refusal(database, stored.id, by: "dave").contains("the remaining approval must be a controller's and dave holds approver"))
        #expect(try database.approvals(of: ProposalRef(.adjustment, stored.id)).map(\.login) == ["bob"])

        let second = try approve(database, stored.id, by: "carol")
        #expect(second.proposal.status == .approved && second.approvals.map(\.login) == ["bob", "carol"])
        #expect(second.approvals.map(\.role) == [.approver, .controller])
        #expect(try database.verifyAuditTrail().isIntact)
    }

    @Test func aChangedProposalVoidsTheApprovalsOfTheEarlierVersion() throws {
        let (database, stored) = try store(accrualCents: 60_000_00)
        _ = try approve(database, stored.id, by: "bob")
        let changed = try propose(database, cents: 61_000_00, as: "alice")
        #expect(changed.id == stored.id && changed.evidenceSHA256 != stored.evidenceSHA256)
        #expect(try database.auditEvents().contains { $0.action == "adjustment.approval.voided" && $0.payload.contains(stored.evidenceSHA256) })

        // Carol's approval is the only one of the new version: not enough yet. Bob approving the new version completes it.
        #expect(try approve(database, stored.id, by: "carol").proposal.status == .proposed)
        #expect(try approve(database, stored.id, by: "bob").proposal.status == .approved)
        #expect(try database.approversOfCurrentVersions([ProposalRef(.adjustment, stored.id)]) == [ProposalRef(.adjustment, stored.id): ["bob", "carol"]])
    }

    /// The CLI, the API and the dashboard all print the refusal's description, so it must be the whole
    /// sentence: a reader once saw "…cannot approve it; another approver must" and nothing after.
    @Test func separationOfDutiesRefusalsAreWholeSentences() throws {
        let (database, stored) = try store(accrualCents: 60_000_00)
        let selfApproval = refusal(database, stored.id, by: "alice")
        #expect(selfApproval.hasSuffix("cannot approve it; another approver must approve it."))
        _ = try approve(database, stored.id, by: "carol")
        let twice = refusal(database, stored.id, by: "carol")
        #expect(twice.hasSuffix("the next approval must come from someone else."))
        let approvers = try database.approversOfCurrentVersions([ProposalRef(.adjustment, stored.id)])
        let lock = ApprovalDecision.lockRefusal(lockApprover: "carol", approversOfBlockingItems: approvers)?.description ?? ""
        #expect(lock.hasSuffix("another approver must approve them."))
    }

    @Test func theLockApproverMayNotBeTheOnlyApproverOfABlockingItem() throws {
        let (database, stored) = try store(accrualCents: 2_000_00)
        _ = try approve(database, stored.id, by: "bob")
        let approvers = try database.approversOfCurrentVersions([ProposalRef(.adjustment, stored.id)])
        #expect(ApprovalDecision.lockRefusal(lockApprover: "bob", approversOfBlockingItems: approvers)?.description
                == "separation of duties: bob is the only approver of adjustment proposal \(stored.id) and cannot also approve the lock; "
                + "another approver must approve them.")
        #expect(ApprovalDecision.lockRefusal(lockApprover: "carol", approversOfBlockingItems: approvers) == nil)
    }
}
