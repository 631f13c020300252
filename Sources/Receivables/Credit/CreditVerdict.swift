public import Ledger

/// A customer's standing against the credit policy on one day: the exposure, what is seriously overdue,
/// and why the customer is over policy (no reasons: within policy).
public struct CreditVerdict: Sendable, Codable, Hashable {
    public var credit: CustomerCredit
    public var asOf: LocalDate
    /// Open receivable more than the policy's days past due (never more than the whole receivable).
    public var seriouslyOverdue: Money
    public var overLimit: Bool
    /// Each rule the customer breaks, in words ("owes 12,400.00 EUR against a limit of 10,000.00 EUR").
    public var reasons: [String]
    /// Where the customer stands in words, over policy or not: what a release records.
    public var standing: String

    public var withinPolicy: Bool { reasons.isEmpty }
}

/// What a run does about one customer, given its verdict and the customer's open hold.
public enum CreditStep: String, Sendable, Codable {
    /// Over policy and no open hold: propose one.
    case propose
    /// Within policy and a hold is open: release it (an applied one only when the rules release automatically).
    case release
    case none
}
