public import CloseChecks
public import CloseStore
public import Ledger

/// Where one company's close of a period stands: how far its checklist is, what the latest check found, which
/// business exceptions are open, which proposals are unsettled and what still stands in the way of the lock. The dashboard's overview card
/// and the firm console's heat map both show this.
public struct CloseStatus: Sendable {
    public var source: SourceKey
    public var companyName: String
    public var period: Period
    public var tasksDone: Int
    public var tasksTotal: Int
    /// The latest check's findings by severity, waived ones included; nil when the period was never checked.
    public var findingsBySeverity: [Severity: Int]?
    /// Blocking and warning findings of the latest check that no waiver covers on the day asked about.
    public var exceptions: Int
    /// Business exceptions live reviews found (an expense over policy, a duties conflict) and have not seen resolved.
    public var businessExceptions: Int
    public var proposalsByStatus: [AdjustmentStatus: Int]
    /// What keeps a controller from approving the lock, one sentence each (`LockGate`); empty when nothing does.
    public var blockers: [String]
    /// The books are locked through the period's end.
    public var locked: Bool

    /// Done tasks over all tasks, 0 to 1 (0 before the checklist has a task).
    public var readiness: Double { tasksTotal == 0 ? 0 : Double(tasksDone) / Double(tasksTotal) }
}

/// Reads `CloseStatus`. Reading the board instantiates the period's checklist the first time, as
/// `closer checklist` does, under `actor`.
public struct CloseStatusReader: Sendable {
    public var store: AppDatabase
    public var actor: String

    public init(store: AppDatabase, actor: String) {
        self.store = store
        self.actor = actor
    }

    /// The period a company's close is about when none is asked for: the latest checked, else the latest with a checklist.
    public func currentPeriod(sourceKey: SourceKey) throws -> Period? {
        try store.latestCheckedPeriod(sourceKey: sourceKey) ?? store.latestChecklistPeriod(sourceKey: sourceKey)
    }

    public func status(sourceKey: SourceKey, period: Period, asOf: LocalDate) throws -> CloseStatus {
        let company = try store.company(sourceKey: sourceKey)
        let board = try ChecklistService(store: store, actor: actor).board(sourceKey: sourceKey, period: period, asOf: asOf)
        let listed = try store.listedFindings(sourceKey: sourceKey, period: period)
        let proposals = try store.adjustments(sourceKey: sourceKey, period: period)
        return CloseStatus(
            source: sourceKey, companyName: company.name, period: period,
            tasksDone: board.counts[.done] ?? 0, tasksTotal: board.rows.count,
            findingsBySeverity: listed.map { Dictionary(grouping: $0, by: \.finding.severity).mapValues(\.count) },
            exceptions: listed?.filter { $0.finding.severity != .advisory && !$0.isWaived(on: asOf) }.count ?? 0,
            businessExceptions: try store.openExceptionSightings(sourceKey: sourceKey).count,
            proposalsByStatus: Dictionary(grouping: proposals, by: \.status).mapValues(\.count),
            blockers: try LockGate(store: store, actor: actor).blockers(sourceKey: sourceKey, period: period, children: [], asOf: asOf,
                                                                        listed: listed, board: board),
            locked: company.lockDates.close(period))
    }
}
