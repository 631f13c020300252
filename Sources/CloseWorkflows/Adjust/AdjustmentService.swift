public import Adjustments
public import CloseStore
public import Governance
public import Ledger
import Foundation

/// `closer propose`, `closer proposals`, `closer approve` and `closer reject`: drafts the period's
/// adjusting entries from a pulled ledger, stores them for review, and records the verdicts.
public struct AdjustmentService: Sendable {
    public var store: AppDatabase
    public var actor: String

    public init(store: AppDatabase, actor: String) {
        self.store = store
        self.actor = actor
    }

    public func propose(sourceKey: SourceKey, period: Period, rules: AdjustmentRules = AdjustmentRules(),
                        proposers: [any AdjustmentProposer] = AdjustmentProposers.all) throws -> ProposeReport {
        try store.requirePulled(period, sourceKey: sourceKey)
        let snapshot = try store.loadSnapshot(sourceKey: sourceKey)
        let runID = try store.startRun(kind: "propose", period: period.description, actor: actor)
        do {
            let context = ProposalContext(snapshot: snapshot, period: period, rules: rules)
            var drafted: [AdjustmentProposal] = []
            var refused: [RefusedProposal] = []
            for proposal in proposers.flatMap({ $0.proposals(in: context) }) {
                var linked = proposal
                linked.company = linked.company.linked(sourceKey: sourceKey)
                linked.evidence = linked.evidence.map { $0.linked(sourceKey: sourceKey) }
                if let reason = AdjustmentScreen.refusal(linked, in: context) {
                    refused.append(RefusedProposal(proposal: linked, reason: reason))
                } else {
                    drafted.append(linked)
                }
            }
            let stored = try store.saveAdjustmentProposals(drafted, kinds: Set(proposers.map(\.kind)), runID: runID, sourceKey: sourceKey,
                                                           period: period, actor: actor)
            let report = ProposeReport(source: sourceKey, period: period, runID: runID, proposals: stored, refused: refused,
                                       deferrals: DeferralLedger(context: context).schedules.map { DeferralPosition($0, after: period) })
            try store.finishRun(runID, status: .succeeded, summary: AuditPayload(report.summary).canonicalJSON, actor: actor)
            return report
        } catch {
            try? store.finishRun(runID, status: .failed, summary: AuditPayload(["error": String(describing: error)]).canonicalJSON, actor: actor)
            throw error
        }
    }

    /// Approves or rejects as `actor` (a Closer user) under the rule set's approval policy; an approval
    /// the policy does not yet find sufficient is recorded and the proposal keeps waiting.
    public func decide(ids: [Int64], sourceKey: SourceKey, approve: Bool, note: String?, policy: ApprovalPolicy) throws -> [Reviewed<StoredAdjustment>] {
        try ids.map { try store.decideAdjustment(id: $0, sourceKey: sourceKey, approved: approve, actor: actor, note: note, policy: policy) }
    }

    /// Approves every named proposal the policy lets `actor` approve, one by one; the others are
    /// reported with the rule that refused them.
    public func approve(ids: [Int64], sourceKey: SourceKey, note: String?, policy: ApprovalPolicy) throws -> BulkReview<StoredAdjustment> {
        try BulkReview(ids) { try store.decideAdjustment(id: $0, sourceKey: sourceKey, approved: true, actor: actor, note: note, policy: policy) }
    }

    /// `closer approve --all` and the API's bulk approval: every proposal waiting for review (of one
    /// period, at or above a confidence), as far as the policy lets `actor` approve.
    public func approveWaiting(sourceKey: SourceKey, period: Period?, minConfidence: Double = 0, note: String?,
                               policy: ApprovalPolicy) throws -> BulkReview<StoredAdjustment> {
        let waiting = try store.adjustments(sourceKey: sourceKey, period: period, statuses: [.proposed])
            .filter { $0.proposal.confidence >= minConfidence }
        return try approve(ids: waiting.map(\.id), sourceKey: sourceKey, note: note, policy: policy)
    }
}

/// What `closer propose` reports: the stored proposals, the drafts refused before storing (with
/// the reason), and where every deferral schedule stands after the period.
public struct ProposeReport: Sendable, Codable {
    public var source: SourceKey
    public var period: Period
    public var runID: Int64
    public var proposals: [StoredAdjustment]
    public var refused: [RefusedProposal]
    public var deferrals: [DeferralPosition]

    public var summary: [String: String] {
        var counts = Dictionary(grouping: proposals, by: \.proposal.kind.rawValue).mapValues { String($0.count) }
        counts["refused"] = String(refused.count)
        return counts
    }
}

public struct RefusedProposal: Sendable, Codable {
    public var proposal: AdjustmentProposal
    public var reason: String
}

/// A deferral schedule's position after a period: the remaining prepaid (or deferred revenue) balance.
public struct DeferralPosition: Sendable, Codable {
    public var schedule: DeferralSchedule
    public var releasedThroughPeriod: Money
    public var remaining: Money

    public init(_ schedule: DeferralSchedule, after period: Period) {
        self.schedule = schedule
        releasedThroughPeriod = schedule.released(through: period)
        remaining = schedule.remaining(after: period)
    }
}
