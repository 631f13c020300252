/// `receivables.credit`: when a customer's credit is held. A hold is proposed when the exposure
/// (receivable plus confirmed sales orders not yet invoiced) passes the customer's credit limit in Odoo,
/// or when the customer owes at least `seriouslyOverdueMinimum` (whole units of the company currency) on
/// invoices more than `seriouslyOverdueDays` overdue. An applied hold is released once neither holds.
public struct CreditRules: Sendable, Equatable {
    public var seriouslyOverdueDays = 60
    public var seriouslyOverdueMinimum = 0
    /// Release applied holds without a person once the customer is back within policy (always audited).
    public var releaseAutomatically = true

    public init() {}
}
