public import BankMatching
public import CloseStore
public import Governance
public import Ledger
import Foundation

/// `closer reconcile`: proposes bank matches for the unreconciled statement lines of a pulled ledger,
/// with the company's match model (fitted on its reconciled history and its reviewers' verdicts),
/// stores the proposals for review, and records approvals and rejections.
public struct ReconcileService: Sendable {
    public var store: AppDatabase
    public var actor: String

    public init(store: AppDatabase, actor: String) {
        self.store = store
        self.actor = actor
    }

    /// The matcher for a stored ledger: a model refitted on history plus every verdict so far, stored
    /// as a new version when it differs from the newest stored one.
    public func matcher(sourceKey: SourceKey, snapshot: LedgerSnapshot, rules: MatchRules) throws -> BankMatcher {
        let stored = try store.latestMatchModel(sourceKey: sourceKey)
        let version = (stored?.version ?? 0) + 1
        let matcher = BankMatcher(snapshot: snapshot, rules: rules, model: .prior)
            .retrained(version: version, feedback: try store.matchFeedback(sourceKey: sourceKey))
        if let stored, stored.weights == matcher.model.weights { return matcher.using(stored) }
        try store.saveMatchModel(matcher.model, sourceKey: sourceKey, actor: actor)
        return matcher
    }

    public func propose(sourceKey: SourceKey, period: Period, rules: MatchRules = MatchRules()) throws -> ReconcileReport {
        try store.requirePulled(period, sourceKey: sourceKey)
        let snapshot = try store.loadSnapshot(sourceKey: sourceKey, lines: .bankMatching)
        let runID = try store.startRun(kind: "reconcile", period: period.description, actor: actor)
        do {
            let matcher = try matcher(sourceKey: sourceKey, snapshot: snapshot, rules: rules)
            // A rejected match stays rejected while its line is what the reviewer saw.
            let rejected = RejectedCandidates(rejected: try store.matchProposals(sourceKey: sourceKey, statuses: [.rejected]).map(\.proposal),
                                              lines: snapshot.statementLines)
            let proposals = matcher.proposals(through: period.end, rejected: rejected)
            let stored = try store.saveMatchProposals(proposals, runID: runID, sourceKey: sourceKey, period: period, actor: actor)
            let report = ReconcileReport(source: sourceKey, period: period, runID: runID, model: matcher.model, proposals: stored)
            var summary = report.countsByDecision.mapValues(String.init)
            summary["modelVersion"] = String(matcher.model.version)
            try store.finishRun(runID, status: .succeeded, summary: AuditPayload(summary).canonicalJSON, actor: actor)
            return report
        } catch {
            try? store.finishRun(runID, status: .failed, summary: AuditPayload(["error": String(describing: error)]).canonicalJSON, actor: actor)
            throw error
        }
    }

    /// Approves or rejects a stored proposal; the verdict, with the features the model saw, teaches the next model.
    /// Decided as `actor` (a Closer user) under the approval policy: an approval it does not yet find
    /// sufficient is recorded and the proposal keeps waiting.
    public func decide(id: Int64, sourceKey: SourceKey, approve: Bool, note: String?, policy: ApprovalPolicy,
                       rules: MatchRules = MatchRules()) throws -> Reviewed<StoredMatchProposal> {
        try decide(ids: [id], sourceKey: sourceKey, approve: approve, note: note, policy: policy, rules: rules)[0]
    }

    /// Approves the named proposals and, with `allAuto`, every waiting one the policy marked auto
    /// (`closer reconcile approve --all-auto`), each as far as the policy lets `actor` approve it; the
    /// others are reported with the rule that refused them.
    public func approve(ids: [Int64], allAuto: Bool, sourceKey: SourceKey, note: String?, policy: ApprovalPolicy,
                        rules: MatchRules = MatchRules()) throws -> BulkReview<StoredMatchProposal> {
        var chosen = ids
        if allAuto {
            chosen += try store.matchProposals(sourceKey: sourceKey, statuses: [.proposed]).filter { $0.proposal.decision == .auto }.map(\.id)
        }
        return try BulkReview(chosen, decide: try decider(sourceKey: sourceKey, approve: true, note: note, policy: policy, rules: rules))
    }

    /// Decides several proposals with one matcher (its indexes are built once, not per proposal).
    public func decide(ids: [Int64], sourceKey: SourceKey, approve: Bool, note: String?, policy: ApprovalPolicy,
                       rules: MatchRules = MatchRules()) throws -> [Reviewed<StoredMatchProposal>] {
        try ids.map(try decider(sourceKey: sourceKey, approve: approve, note: note, policy: policy, rules: rules))
    }

    /// One decision at a time, with the features the model saw kept for its next version; the matcher
    /// that computes them is built on the first proposal that needs it.
    private func decider(sourceKey: SourceKey, approve: Bool, note: String?, policy: ApprovalPolicy,
                         rules: MatchRules) throws -> (Int64) throws -> Reviewed<StoredMatchProposal> {
        let stored = Dictionary(try store.matchProposals(sourceKey: sourceKey).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var matcher: BankMatcher?
        return { id in
            guard let pending = stored[id] else { throw MatchReviewError.unknownProposal(id) }
            var features: [Double]?
            if let best = pending.proposal.best {
                if matcher == nil, let model = try store.latestMatchModel(sourceKey: sourceKey) {
                    matcher = BankMatcher(snapshot: try store.loadSnapshot(sourceKey: sourceKey, lines: .bankMatching), rules: rules, model: model)
                }
                features = matcher?.features(statementLineID: pending.proposal.statementLineID, itemLineIDs: best.itemLineIDs,
                                             writeOffAccountID: best.writeOffAccountID)
            }
            return try store.decideMatchProposal(id: id, sourceKey: sourceKey, approved: approve, features: features, actor: actor, note: note,
                                                 policy: policy)
        }
    }
}

/// What `closer reconcile` reports.
public struct ReconcileReport: Sendable, Codable {
    public var source: SourceKey
    public var period: Period
    public var runID: Int64
    public var model: MatchModel
    public var proposals: [StoredMatchProposal]

    public var countsByDecision: [String: Int] {
        Dictionary(grouping: proposals, by: \.proposal.decision.rawValue).mapValues(\.count)
    }
}
