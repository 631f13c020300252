@testable import CloseSettings
import CloseStore
@testable import CloseWorkflows
import DemoCompany
import Foundation
import Governance
import Testing
import Ledger
import BankMatching

@Suite struct ReconcileServiceTests {
    func pulledDemo() async throws -> (AppDatabase, SourceKey, GroundTruth) {
        let book = DemoCompany.generate(DemoOptions(targetLines: 3_000))
        let store = try AppDatabase.inMemory()
        let key: SourceKey = "demo:reconcile"
        _ = try await PullService(store: store, actor: "test").pull(
            from: DemoLedgerSource(book: book), sourceKey: key, period: book.groundTruth.period, historyMonths: 12, progress: { _, _ in })
        return (store, key, book.groundTruth)
    }

    /// Bob, a controller (he may approve any amount), decides what alice's reconcile runs propose.
    static func reviewer(_ store: AppDatabase) throws -> ReconcileService {
        try store.addUser(login: "bob", name: "Bob", roles: [.controller], odooUserID: nil, actor: "test")
        return ReconcileService(store: store, actor: "bob")
    }

    /// `closer reconcile` reads only the lines matching looks at; the model it fits and what it proposes are the
    /// same as from the whole ledger.
    @Test func matchingFromItsLinesAloneProposesWhatTheWholeLedgerDoes() async throws {
        let (store, key, truth) = try await pulledDemo()
        let whole = try store.loadSnapshot(sourceKey: key)
        let matching = try store.loadSnapshot(sourceKey: key, lines: .bankMatching)
        #expect(matching.lines.count < whole.lines.count * 3 / 4, "\(matching.lines.count) of \(whole.lines.count) lines read")
        #expect(matching.moves.count == whole.moves.count && matching.statementLines.count == whole.statementLines.count)
        let fromWhole = BankMatcher(snapshot: whole), fromMatching = BankMatcher(snapshot: matching)
        #expect(fromMatching.model == fromWhole.model)
        let proposals = fromMatching.proposals(through: truth.period.end)
        #expect(proposals.count > 10 && proposals == fromWhole.proposals(through: truth.period.end), "\(proposals.count) proposals")
    }

    @Test func proposalsAreStoredReviewedOnceAndTeachTheNextModel() async throws {
        let (store, key, truth) = try await pulledDemo()
        let service = ReconcileService(store: store, actor: "alice")
        let first = try service.propose(sourceKey: key, period: truth.period)
        #expect(first.model.version == 1 && !first.proposals.isEmpty)
        #expect(try store.latestMatchModel(sourceKey: key) == first.model)

        let approved = try #require(first.proposals.first { $0.proposal.decision == .auto })
        let rejected = try #require(first.proposals.first { $0.id != approved.id && $0.proposal.best != nil })
        let reviewer = try Self.reviewer(store)
        // Bank matches go through the same policy: alice ran the reconcile, so she cannot approve its proposals.
        try store.addUser(login: "alice", name: "Alice", roles: [.preparer, .approver], odooUserID: nil, actor: "bob")
        #expect(throws: ApprovalRefusal(rule: "separation of duties",
                                        message: "alice prepared bank-match proposal \(approved.id) and cannot approve it; another approver must approve it")) {
            try service.decide(id: approved.id, sourceKey: key, approve: true, note: nil, policy: ApprovalPolicy())
        }
        #expect(try reviewer.decide(id: approved.id, sourceKey: key, approve: true, note: nil, policy: ApprovalPolicy()).proposal.status == .approved)
        #expect(try reviewer.decide(id: rejected.id, sourceKey: key, approve: false, note: "wrong invoice", policy: ApprovalPolicy()).proposal.status
                == .rejected)
        #expect(throws: MatchReviewError.notReviewable(approved.id, status: .approved)) {
            try reviewer.decide(id: approved.id, sourceKey: key, approve: false, note: nil, policy: ApprovalPolicy())
        }
        #expect(throws: MatchReviewError.unknownProposal(999_999)) {
            try reviewer.decide(id: 999_999, sourceKey: key, approve: true, note: nil, policy: ApprovalPolicy())
        }
        #expect(try store.matchFeedback(sourceKey: key).map(\.approved) == [true, false])

        // The next run: a new model version that learned from both verdicts; the approved line is not proposed again,
        // the rejected match is not either (its line may come back with another candidate), the waiting proposals the
        // run proposes again keep their ids, and those it proposes differently are superseded.
        let second = try service.propose(sourceKey: key, period: truth.period)
        #expect(second.model.version == 2 && second.model.weights != first.model.weights)
        let lines = Set(second.proposals.map(\.proposal.statementLineID))
        #expect(!lines.contains(approved.proposal.statementLineID))
        #expect(!second.proposals.contains { $0.proposal.statementLineID == rejected.proposal.statementLineID
                                             && $0.proposal.best?.itemLineIDs == rejected.proposal.best?.itemLineIDs
                                             && $0.proposal.best?.writeOffAccountID == rejected.proposal.best?.writeOffAccountID })
        let kept = Set(first.proposals.map(\.id)).intersection(second.proposals.map(\.id))
        #expect(!kept.isEmpty)
        let statuses = Dictionary(grouping: try store.matchProposals(sourceKey: key), by: \.status).mapValues(\.count)
        #expect(statuses[.superseded, default: 0] == first.proposals.count - 2 - kept.count && statuses[.approved] == 1 && statuses[.rejected] == 1)

        // Every decision is in the audit trail with the evidence hash, and the trail verifies.
        let events = try store.auditEvents().filter { $0.action == "match.approved" || $0.action == "match.rejected" }
        #expect(events.count == 2 && events.allSatisfy { $0.actor == "bob" && $0.payload.contains("evidence_sha256") })
        #expect(try store.verifyAuditTrail().isIntact)
    }

    @Test func allAutoApprovesTheNamedAndEveryWaitingAutoProposal() async throws {
        let (store, key, truth) = try await pulledDemo()
        let proposals = try ReconcileService(store: store, actor: "alice").propose(sourceKey: key, period: truth.period).proposals
        let auto = proposals.filter { $0.proposal.decision == .auto }.map(\.id)
        let named = try #require(proposals.first { $0.proposal.decision != .auto && $0.proposal.best != nil })
        #expect(!auto.isEmpty)
        let decided = try Self.reviewer(store).approve(ids: [named.id], allAuto: true, sourceKey: key, note: "bulk", policy: ApprovalPolicy())
        #expect(decided.decided.map(\.proposal.id) == [named.id] + auto && decided.refused.isEmpty)
        #expect(decided.decided.allSatisfy { $0.proposal.status == .approved && $0.proposal.decidedBy == "bob" })
        let waiting = try store.matchProposals(sourceKey: key, statuses: [.proposed])
        #expect(!waiting.isEmpty && !waiting.contains { $0.proposal.decision == .auto }, "only auto proposals are approved unnamed")
    }

    /// A match whose apply failed — perhaps half-written, Odoo's answer lost after the statement entry was
    /// rewritten — is due again at the next apply, so the reconciler can finish it; one nobody approved is not.
    @Test func aFailedApplyIsDueAgainOnlyIfItWasMeantToBeApplied() async throws {
        let (store, key, truth) = try await pulledDemo()
        let proposals = try ReconcileService(store: store, actor: "alice").propose(sourceKey: key, period: truth.period).proposals
        let auto = proposals.filter { $0.proposal.decision == .auto }
        let (approved, undecided) = (try #require(auto.first), try #require(auto.dropFirst().first))
        _ = try Self.reviewer(store).decide(id: approved.id, sourceKey: key, approve: true, note: nil, policy: ApprovalPolicy())
        for stored in [approved, undecided] {
            try store.markMatchProposal(id: stored.id, applied: false, detail: "no answer from Odoo", actor: "bob")
        }
        let failed = try store.matchProposals(sourceKey: key, statuses: [.failed])
        #expect(Set(failed.map(\.id)) == [approved.id, undecided.id])
        let all = try store.matchProposals(sourceKey: key)
        #expect(ReconcileApplyService.due(all, autonomous: false).map(\.id) == [approved.id])
        #expect(Set(ReconcileApplyService.due(all, autonomous: true).map(\.id)).isSuperset(of: [approved.id, undecided.id]))
        #expect(!ReconcileApplyService.due(all, autonomous: true).contains { $0.status == .rejected || $0.status == .applied })
    }

    /// `closer reconcile` and `closer close --no-pull` rerun the matching; a rejection and the ids of the
    /// waiting proposals survive three reruns.
    @Test func aRejectedMatchStaysRejectedAndIdsAreStableAcrossReruns() async throws {
        let (store, key, truth) = try await pulledDemo()
        let service = ReconcileService(store: store, actor: "alice")
        let first = try service.propose(sourceKey: key, period: truth.period)
        let target = try #require(first.proposals.first { $0.proposal.best != nil })
        _ = try Self.reviewer(store).decide(id: target.id, sourceKey: key, approve: false, note: "not this invoice", policy: ApprovalPolicy())

        var runs: [[StoredMatchProposal]] = []
        for rerun in 0..<3 {
            if rerun == 1 {
                _ = try await CloseRunService(store: store, actor: "alice").run(pullingFrom: nil, sourceKey: key, period: truth.period,
                                                                               asOf: truth.period.end)
                runs.append(try store.matchProposals(sourceKey: key, statuses: [.proposed]))
            } else {
                runs.append(try service.propose(sourceKey: key, period: truth.period).proposals)
            }
        }
        for proposals in runs {
            #expect(!proposals.contains { $0.proposal.statementLineID == target.proposal.statementLineID
                                          && $0.proposal.best?.itemLineIDs == target.proposal.best?.itemLineIDs })
        }
        let ids = runs.map { Set($0.map(\.id)) }
        #expect(ids[0] == ids[1] && ids[1] == ids[2], "the same lines with the same candidates keep their ids")
        #expect(try store.matchProposals(sourceKey: key, statuses: [.rejected]).map(\.id) == [target.id])
    }

    @Test func applyingNeedsAModeThatWrites() async throws {
        let (store, key, _) = try await pulledDemo()
        let resolver = SettingsResolver(flags: [.odooURL: "http://127.0.0.1:9", .odooDatabase: "x", .odooUser: "u", .odooPassword: "p"],
                                        environment: [:], file: nil)
        let settings = try OdooSettings(resolving: resolver)
        await #expect(throws: OperatingModeError.self) {
            _ = try await ReconcileApplyService(store: store, settings: settings, actor: "test").apply(sourceKey: key)
        }
    }
}

@Suite struct AppliedMatchTests {
    @Test func entriesRewrittenByAppliedMatchesAreKnownToTheStore() async throws {
        let (store, key, truth) = try await ReconcileServiceTests().pulledDemo()
        let service = ReconcileService(store: store, actor: "alice")
        let proposals = try service.propose(sourceKey: key, period: truth.period).proposals
        let applied = try #require(proposals.first { $0.proposal.decision == .auto })
        let pending = try #require(proposals.first { $0.id != applied.id })
        _ = try ReconcileServiceTests.reviewer(store).decide(id: applied.id, sourceKey: key, approve: true, note: nil, policy: ApprovalPolicy())
        #expect(try store.entriesChangedByAppliedMatches(sourceKey: key).isEmpty, "approved is not applied yet")
        try store.markMatchProposal(id: applied.id, applied: true, detail: "reconciled in Odoo", actor: "alice")
        let snapshot = try store.loadSnapshot(sourceKey: key)
        let moveOf = { (line: Int) in snapshot.statementLines.first { $0.id == line }!.moveID }
        let own = try store.entriesChangedByAppliedMatches(sourceKey: key)
        #expect(own == [moveOf(applied.proposal.statementLineID)])
        #expect(!own.contains(moveOf(pending.proposal.statementLineID)))
    }
}
