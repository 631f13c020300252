public import Ledger

/// What the approval router weighs about one vendor bill: how much, how well Closer knows the vendor,
/// whether the vendor's bank details just changed, which cost centres it charges, how much it looks
/// like a duplicate or an anomaly, and who entered it.
public struct BillApprovalFacts: Sendable, Codable, Hashable {
    public var source: SourceKey
    public var billID: Int
    /// "BILL/2026/10/0004 (ref INV-12) of Acme Ltd", for reasons and queues.
    public var billTitle: String
    /// The bill's total in the company currency (a refund's magnitude counts the same).
    public var amount: Money
    /// The invoice date of the vendor's first posted bill; nil when the vendor has none (a new vendor).
    public var vendorFirstBillDate: LocalDate?
    /// The day the vendor's bank details last changed (an account added or its number edited); nil when never seen.
    public var bankDetailsChangedOn: LocalDate?
    /// The analytic accounts (cost centres) the bill's lines charge, by code (by name where an account has no code).
    public var analyticAccounts: [String]
    /// The score of the strongest duplicate intake found (0…1); nil when none.
    public var bestDuplicateScore: Double?
    /// An anomaly score (0…1) from a detector, when one scored the bill.
    public var anomalyScore: Double?
    /// The Odoo login that created the bill: its preparer, who may never approve it.
    public var preparerLogin: String?

    public init(source: SourceKey, billID: Int, billTitle: String, amount: Money, vendorFirstBillDate: LocalDate?,
                bankDetailsChangedOn: LocalDate? = nil, analyticAccounts: [String] = [], bestDuplicateScore: Double? = nil,
                anomalyScore: Double? = nil, preparerLogin: String?) {
        self.source = source
        self.billID = billID
        self.billTitle = billTitle
        self.amount = amount
        self.vendorFirstBillDate = vendorFirstBillDate
        self.bankDetailsChangedOn = bankDetailsChangedOn
        self.analyticAccounts = analyticAccounts
        self.bestDuplicateScore = bestDuplicateScore
        self.anomalyScore = anomalyScore
        self.preparerLogin = preparerLogin
    }
}
