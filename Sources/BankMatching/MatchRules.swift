/// Company-specific limits of bank matching, from the rule set's `reconciliation:` section.
public struct MatchRules: Sendable, Hashable, Codable {
    /// Proposals at or above this probability are applied without review, where the mode allows it.
    public var autoThreshold: Double = 0.98
    /// …and only when the runner-up is at least this much less likely.
    public var autoMargin: Double = 0.3
    /// Below this probability a proposal is escalated instead of waiting for ordinary review.
    public var reviewThreshold: Double = 0.5
    /// A difference up to this many minor units is rounding, written off to `roundingAccountCode`.
    public var roundingTolerance: Int64 = 5
    /// A shortfall up to this many minor units (and `feeMaxPercent` of the amount) is a bank charge
    /// the payer's bank deducted, written off to `feeAccountCode`.
    public var feeTolerance: Int64 = 5_000
    public var feeMaxPercent: Int64 = 10
    public var roundingAccountCode: String = "640000"
    public var feeAccountCode: String = "626000"
    /// At most this many open items of one partner are tried together for one deposit (1:N)…
    public var subsetMaxItems: Int = 14
    /// …in combinations of at most this many.
    public var subsetMaxSize: Int = 4

    public init() {}
}
