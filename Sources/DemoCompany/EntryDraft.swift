import Ledger

/// A journal entry before it gets ids: lines carry signed amounts (debit positive, credit negative)
/// in the company currency, so a draft balances when its amounts sum to zero.
struct EntryDraft {
    var journalID: Int
    var type: MoveType = .entry
    var state: MoveState = .posted
    var date: LocalDate
    var partnerID: Int?
    var ref: String?
    var currency: Currency = DemoChart.usd
    var invoiceDate: LocalDate?
    var dueDate: LocalDate?
    var createdBy: UserRef
    /// nil: created during the business day of `date`.
    var createdAt: Timestamp?
    /// nil: the next number of the journal's sequence (drafts are named "/").
    var name: String?
    var lines: [LineDraft] = []
}

struct LineDraft {
    var accountID: Int
    var partnerID: Int?
    var label: String
    var amount: Int64
    /// In the entry's currency when it is not the company's.
    var amountCurrency: Int64?
    var analytic: AnalyticDistribution?
    var taxIDs: [Int] = []
    var kind: LineKind? = .product
}
