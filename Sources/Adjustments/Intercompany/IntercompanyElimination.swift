public import Ledger

/// What the eliminator decided for a period: a row per compared balance and period flow, the
/// elimination entries for the consolidation company (or a worksheet when there is none), and the
/// parents still waiting for their children's close.
public struct IntercompanyElimination: Sendable, Codable {
    public var period: Period
    public var rows: [EliminationRow]
    /// For the consolidation company; empty without one, or while its parent waits.
    public var proposals: [AdjustmentProposal]
    /// CSV text, when no consolidation company is configured.
    public var worksheet: String?
    public var waiting: [WaitingParent]
    public var notes: [String]

    public init(period: Period, rows: [EliminationRow], proposals: [AdjustmentProposal], worksheet: String?,
                waiting: [WaitingParent], notes: [String]) {
        self.period = period
        self.rows = rows
        self.proposals = proposals
        self.worksheet = worksheet
        self.waiting = waiting
        self.notes = notes
    }
}

/// One comparison and what is eliminated of it.
public struct EliminationRow: Sendable, Codable, Hashable {
    public enum Outcome: String, Sendable, Codable, Hashable {
        /// Both sides agree (within the tolerance): the agreed amount is eliminated.
        case eliminated
        /// The sides differ and the rules say to eliminate the lower, leaving the difference.
        case eliminatedLower = "eliminated-lower"
        /// The sides differ: reported, nothing eliminated until the books agree.
        case mismatchReported = "mismatch-reported"
        /// Not comparable (different currencies, an unmapped partner, a consolidation company in another currency).
        case notComparable = "not-comparable"
        /// The consolidating parent waits for a child's close.
        case waiting
    }

    public var comparison: IntercompanyComparison
    /// Zero unless the outcome eliminates.
    public var elimination: Money?
    public var outcome: Outcome

    public init(comparison: IntercompanyComparison, elimination: Money?, outcome: Outcome) {
        self.comparison = comparison
        self.elimination = elimination
        self.outcome = outcome
    }
}

/// A parent whose consolidation waits until every company below it has closed the period.
public struct WaitingParent: Sendable, Codable, Hashable {
    public struct OpenChild: Sendable, Codable, Hashable {
        public var key: SourceKey
        public var name: String
        /// The later of its fiscal-year and hard lock dates, if it has either.
        public var lockedThrough: LocalDate?
    }

    public var key: SourceKey
    public var name: String
    public var openChildren: [OpenChild]

    public var message: String {
        let children = openChildren.map { "\($0.name) (\($0.lockedThrough.map { "locked through \($0)" } ?? "never locked"))" }
        return "\(name) waits for \(children.joined(separator: ", ")) to close the period: lock it in Odoo (fiscal-year or hard lock date "
            + "at or after the period end), pull again, and eliminate then."
    }
}
