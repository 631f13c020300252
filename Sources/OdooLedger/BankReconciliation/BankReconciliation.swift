public import Ledger

/// One approved bank match to write back to Odoo: a bank statement line cleared against open items.
/// All ids are Odoo ids.
///
/// The open items are `account.move.line` records: an invoice's or bill's receivable/payable line, a
/// payment's outstanding line, or (internal transfer) the suspense line of a statement line in another
/// bank journal. They are settled in the order given: when the statement line pays less than they owe,
/// the earlier items are paid in full and the last one that gets money stays partly open.
public struct BankReconciliation: Sendable, Hashable, Codable {
    /// account.bank.statement.line
    public var statementLineID: Int
    /// account.move.line ids, oldest first.
    public var openItemLineIDs: [Int]
    /// What to book so the statement line clears fully: a bank fee, rounding, an early-payment
    /// discount. Positive is an expense, negative a gain, in the statement line's transaction
    /// currency (the company currency for a bank journal in the company currency).
    public var writeOff: Money?
    /// account.account the write-off is booked to; required with a non-zero write-off.
    public var writeOffAccountID: Int?
    /// The write-off journal item's label (default "Write-off").
    public var writeOffLabel: String?
    /// Stable key of the approved proposal.
    public var idempotencyKey: String

    public init(statementLineID: Int, openItemLineIDs: [Int], writeOff: Money? = nil, writeOffAccountID: Int? = nil,
                writeOffLabel: String? = nil, idempotencyKey: String) {
        self.statementLineID = statementLineID
        self.openItemLineIDs = openItemLineIDs
        self.writeOff = writeOff
        self.writeOffAccountID = writeOffAccountID
        self.writeOffLabel = writeOffLabel
        self.idempotencyKey = idempotencyKey
    }

    /// The write-off when there is one to book (a zero amount books nothing).
    var effectiveWriteOff: Money? { writeOff.flatMap { $0.isZero ? nil : $0 } }
}
