public import CloseStore
public import Ledger

/// What `closer pull` reports: what came, what the source counted, what changed.
public struct PullReport: Sendable, Codable {
    public var source: String
    public var period: Period
    public var window: DateRange
    public var incremental: Bool
    public var received: LedgerCounts
    /// Odoo's own counts for the window (complete pulls only).
    public var sourceCounts: LedgerCounts?
    public var stored: LedgerCounts
    public var changedPostedMoves: [MoveChange]
    public var runID: Int64
    public var seconds: Double

    /// True when every count Odoo reports was received (complete pulls only).
    public var countsMatch: Bool? {
        sourceCounts.map { $0.moves == received.moves && $0.lines == received.lines && $0.statementLines == received.statementLines }
    }
}
