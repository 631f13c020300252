public import Ledger
public import Receivables

/// What Odoo says about the company's customers' credit: each customer with an open receivable, confirmed
/// orders not yet invoiced, or a hold to review, in the company's currency.
public struct CreditReading: Sendable {
    public var sourceKey: SourceKey
    public var currency: Currency
    /// `res.company.account_use_credit_limit`: without it Odoo ignores the customers' limits, and so does Closer.
    public var creditLimitsUsed: Bool
    /// Whether Odoo's Sales app is installed: without it there are no orders and no sales warning to set.
    public var salesInstalled: Bool
    public var customers: [CustomerCredit]
}
