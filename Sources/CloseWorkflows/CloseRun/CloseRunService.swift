public import CloseSettings
public import CloseStore
public import Ledger
import Foundation
import Governance

/// `closer close`: the close's whole sequence on one ledger — pull (when a source is given), check,
/// reconcile, propose, checklist — and where the close stands: what is left, what blocks the lock.
/// Nothing is approved or written to Odoo here; those are people's decisions. The proposals are prepared
/// by the agent, not by whoever started the run, so that person can still approve them.
public struct CloseRunService: Sendable {
    public var store: AppDatabase
    public var actor: String
    public var ruleSet: RuleSet

    public init(store: AppDatabase, actor: String, ruleSet: RuleSet = .builtIn) {
        self.store = store
        self.actor = actor
        self.ruleSet = ruleSet
    }

    public func run(pullingFrom source: (any LedgerSource)?, sourceKey: SourceKey, period: Period, asOf: LocalDate) async throws -> CloseStanding {
        var pulled: PullReport?
        if let source { pulled = try await PullService(store: store, actor: actor).pull(from: source, sourceKey: sourceKey, period: period) }
        let checks = try CheckService(store: store, actor: actor).run(sourceKey: sourceKey, period: period, asOf: asOf, ruleSet: ruleSet)
        let matches = try ReconcileService(store: store, actor: CloserUser.agentLogin)
            .propose(sourceKey: sourceKey, period: period, rules: ruleSet.matching)
        let adjustments = try AdjustmentService(store: store, actor: CloserUser.agentLogin)
            .propose(sourceKey: sourceKey, period: period, rules: ruleSet.adjustments)
        let board = try ChecklistService(store: store, actor: actor).board(sourceKey: sourceKey, period: period, asOf: asOf)
        let lockBlockers = try LockGate(store: store, actor: actor).blockers(sourceKey: sourceKey, period: period, children: [], asOf: asOf)
        let stored = try store.adjustments(sourceKey: sourceKey, period: period)
        return CloseStanding(
            source: sourceKey, period: period, asOf: asOf, pulled: pulled, findingsBySeverity: checks.countsBySeverity,
            bankMatchesByDecision: matches.countsByDecision,
            adjustmentsByStatus: Dictionary(grouping: stored, by: \.status.rawValue).mapValues(\.count),
            adjustmentsProposedNow: adjustments.proposals.count, checklist: board.summary,
            locked: try store.lockRequests(sourceKey: sourceKey).contains { $0.period == period && $0.status == .verified },
            lockBlockers: lockBlockers)
    }
}

/// Where a close stands after `closer close`.
public struct CloseStanding: Sendable, Codable {
    public var source: SourceKey
    public var period: Period
    public var asOf: LocalDate
    public var pulled: PullReport?
    public var findingsBySeverity: [String: Int]
    public var bankMatchesByDecision: [String: Int]
    public var adjustmentsByStatus: [String: Int]
    public var adjustmentsProposedNow: Int
    public var checklist: String
    public var locked: Bool
    /// Empty when a lock may be requested.
    public var lockBlockers: [String]
}
