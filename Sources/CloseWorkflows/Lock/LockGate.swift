public import CloseStore
public import Ledger
import CloseChecks
import BankMatching

/// What must hold before a period may be locked, each blocker in one sentence: the period checked
/// with no blocking finding (but those waived), every checklist task done (except the lock task itself), no adjusting
/// entry undecided or approved but not written, no bank match waiting for review, and every child
/// company's books locked through the period end.
public struct LockGate: Sendable {
    public var store: AppDatabase
    public var actor: String

    public init(store: AppDatabase, actor: String) {
        self.store = store
        self.actor = actor
    }

    public func blockers(sourceKey: SourceKey, period: Period, children: [SourceKey], asOf: LocalDate) throws -> [String] {
        try blockers(sourceKey: sourceKey, period: period, children: children, asOf: asOf,
                     listed: try store.listedFindings(sourceKey: sourceKey, period: period),
                     board: try ChecklistService(store: store, actor: actor).board(sourceKey: sourceKey, period: period, asOf: asOf))
    }

    /// The same, from the period's latest findings (nil: never checked) and checklist board the caller already read.
    public func blockers(sourceKey: SourceKey, period: Period, children: [SourceKey], asOf: LocalDate, listed: [ListedFinding]?,
                         board: ChecklistBoard) throws -> [String] {
        var blockers: [String] = []
        if let listed {
            // A waived finding stays listed but does not block while its waiver holds (`closer findings waive`).
            let blocking = listed.filter { !$0.isWaived(on: asOf) }.map(\.finding).filter { $0.severity == .blocking }
            if !blocking.isEmpty {
                let checks = Set(blocking.map(\.checkID)).sorted().joined(separator: ", ")
                blockers.append("\(blocking.count) blocking finding\(blocking.count == 1 ? "" : "s") in the latest check (\(checks))")
            }
        } else {
            blockers.append("\(period) has not been checked (`closer check --period \(period)`)")
        }
        let open = board.rows.filter { $0.status != .done && $0.task.completion != .lock }
        if !open.isEmpty {
            blockers.append("checklist tasks not done: " + open.map { "\($0.task.key) (\($0.status.rawValue))" }.joined(separator: ", "))
        }
        let pending = try store.adjustments(sourceKey: sourceKey, period: period, statuses: [.proposed, .approved, .failed])
        if !pending.isEmpty {
            let counts = Dictionary(grouping: pending, by: \.status.rawValue).map { "\($0.value.count) \($0.key)" }.sorted()
            blockers.append("adjusting entries not settled: " + counts.joined(separator: ", ") + " (`closer proposals --period \(period)`)")
        }
        let waiting = try store.matchProposals(sourceKey: sourceKey, statuses: [.proposed]).filter { $0.proposal.date <= period.end }
        if !waiting.isEmpty { blockers.append("\(waiting.count) bank-match proposal\(waiting.count == 1 ? "" : "s") waiting for review") }
        for child in children {
            let locks = try store.company(sourceKey: child).lockDates
            if !locks.close(period) {
                let locked = locks.lockedThrough
                blockers.append("child company \(child) is not locked through \(period.end) (its lock date: \(locked?.description ?? "none"); pull it again after its close)")
            }
        }
        return blockers
    }
}
