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
    /// nil: created on the business day of `date` or shortly after, within the same month.
    var createdAt: Timestamp?
    var naming: Naming = .sequence
    var lines: [LineDraft] = []

    /// How the entry gets its name when the books are assembled (in creation order, as Odoo posts).
    enum Naming {
        /// The next number of the journal's sequence (drafts are named "/").
        case sequence
        /// The next number but one: the number before it is never used (a planted gap).
        case afterGap
        /// The same name as another entry (a planted duplicate), by draft index.
        case sameAs(Int)
    }
}

struct LineDraft {
    var accountID: Int
    var partnerID: Int?
    var label: String
    var amount: Int64
    /// In the entry's currency when it is not the company's.
    var amountCurrency: Int64?
    var analytic: AnalyticDistribution?
    var taxIDs: [Int] = DemoChart.noTaxIDs
    /// Odoo 18 computes display_type "product" for every line that is not an invoice's tax or payment term.
    var kind: LineKind = .product
}
