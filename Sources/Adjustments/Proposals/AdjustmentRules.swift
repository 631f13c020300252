/// Company-specific settings of the proposers, by account and journal code (resolved against the
/// pulled chart). Defaults fit Odoo 18's generic chart; the rule set's `adjustments:` section overrides them.
public struct AdjustmentRules: Sendable, Hashable {
    /// The journal adjusting entries are drafted in.
    public var journalCode: String
    /// Where accruals are credited.
    public var accruedLiabilitiesCode: String
    /// Kinds whose approved entries Closer posts after creating them; every other kind stays a draft
    /// for the accountant to post. Empty unless the rule set says otherwise.
    public var postKinds: Set<AdjustmentKind>
    /// In autonomous mode, proposals of these kinds at or above the confidence are applied without a
    /// person's approval (approved by the policy, audited as such); every other proposal waits. Empty by default.
    public var autonomous: [AdjustmentKind: Double]
    public var recurring: RecurringAccrualRules
    public var deferrals: DeferralRules
    public var prepaid: PrepaidRules
    public var reclass: ReclassRules
    public var unbilledOrders: UnbilledOrderRules

    public init(journalCode: String = "MISC", accruedLiabilitiesCode: String = "212000", postKinds: Set<AdjustmentKind> = [],
                autonomous: [AdjustmentKind: Double] = [:],
                recurring: RecurringAccrualRules = RecurringAccrualRules(), deferrals: DeferralRules = DeferralRules(), prepaid: PrepaidRules = PrepaidRules(),
                reclass: ReclassRules = ReclassRules(), unbilledOrders: UnbilledOrderRules = UnbilledOrderRules()) {
        self.journalCode = journalCode
        self.accruedLiabilitiesCode = accruedLiabilitiesCode
        self.postKinds = postKinds
        self.autonomous = autonomous
        self.recurring = recurring
        self.deferrals = deferrals
        self.prepaid = prepaid
        self.reclass = reclass
        self.unbilledOrders = unbilledOrders
    }
}

/// When a vendor counts as billing every month, and how its missing bill is estimated.
public struct RecurringAccrualRules: Sendable, Hashable {
    /// Months before the period that are looked at.
    public var lookbackMonths: Int
    /// A vendor/account pair is recurring when it was billed in at least this many of the most recent
    /// `lookbackMonths` months, including each of the last two.
    public var minimumMonths: Int
    /// The estimate is the mean of this many most recent monthly amounts.
    public var estimateMonths: Int
    /// Vendors whose monthly totals vary more than this (largest over smallest, percent above 100)
    /// are still proposed, with a lower confidence…
    public var stableSpreadPercent: Int
    /// …up to this spread; beyond it the amounts are not a recurring cost one can estimate.
    public var maximumSpreadPercent: Int

    public init(lookbackMonths: Int = 6, minimumMonths: Int = 3, estimateMonths: Int = 3, stableSpreadPercent: Int = 25,
                maximumSpreadPercent: Int = 100) {
        self.lookbackMonths = lookbackMonths
        self.minimumMonths = minimumMonths
        self.estimateMonths = estimateMonths
        self.stableSpreadPercent = stableSpreadPercent
        self.maximumSpreadPercent = maximumSpreadPercent
    }
}

/// Which balance-sheet accounts hold deferrals, and how a bill's service period is read.
public struct DeferralRules: Sendable, Hashable {
    /// Prepaid-expense accounts; empty: every account of Odoo's "prepayments" type.
    public var prepaidAccountCodes: [String]
    /// Deferred-revenue accounts (released to income); none by default.
    public var deferredRevenueAccountCodes: [String]
    /// When the label names no service period, a line booked to a deferral account covers this many
    /// months from its date; 0: such lines are not scheduled (the accountant decides).
    public var defaultMonths: Int

    public init(prepaidAccountCodes: [String] = [], deferredRevenueAccountCodes: [String] = [], defaultMonths: Int = 0) {
        self.prepaidAccountCodes = prepaidAccountCodes
        self.deferredRevenueAccountCodes = deferredRevenueAccountCodes
        self.defaultMonths = defaultMonths
    }
}

/// When a vendor bill booked straight to an expense account is a prepaid cost to defer.
public struct PrepaidRules: Sendable, Hashable {
    /// Materiality: nothing is flagged or proposed when the part to defer is below this, in whole units of the company currency.
    public var minimumAmount: Int
    /// A line at least this many times its account's mean month (over the year before) counts as out of the account's run-rate.
    public var runRateMultiple: Int
    /// Months covered when neither the label nor the vendor's earlier deferrals say (an annual vendor: 12).
    public var defaultMonths: Int
    /// Candidates below this confidence (0…1) are neither findings nor proposals.
    public var minimumConfidence: Double

    public init(minimumAmount: Int = 1_000, runRateMultiple: Int = 6, defaultMonths: Int = 12, minimumConfidence: Double = 0.5) {
        self.minimumAmount = minimumAmount
        self.runRateMultiple = runRateMultiple
        self.defaultMonths = defaultMonths
        self.minimumConfidence = minimumConfidence
    }
}

/// When a line's account disagrees with the company's history strongly enough to propose moving it.
public struct ReclassRules: Sendable, Hashable {
    /// The account-suggestion model's probability must reach this (0…1).
    public var minimumConfidence: Double
    /// Earlier lines like the one looked at (same partner, journal and label) needed for any suggestion.
    public var minimumHistory: Int

    public init(minimumConfidence: Double = 0.9, minimumHistory: Int = 5) {
        self.minimumConfidence = minimumConfidence
        self.minimumHistory = minimumHistory
    }
}
