/// Company-specific settings of the proposers, by account and journal code (resolved against the
/// pulled chart). Defaults fit Odoo 18's generic chart; the rule set's `adjustments:` section overrides them.
public struct AdjustmentRules: Sendable, Hashable {
    /// The journal adjusting entries are drafted in.
    public var journalCode: String
    /// Where accruals are credited.
    public var accruedLiabilitiesCode: String
    public var recurring: RecurringAccrualRules
    public var deferrals: DeferralRules
    public var unbilledOrders: UnbilledOrderRules

    public init(journalCode: String = "MISC", accruedLiabilitiesCode: String = "212000",
                recurring: RecurringAccrualRules = RecurringAccrualRules(), deferrals: DeferralRules = DeferralRules(),
                unbilledOrders: UnbilledOrderRules = UnbilledOrderRules()) {
        self.journalCode = journalCode
        self.accruedLiabilitiesCode = accruedLiabilitiesCode
        self.recurring = recurring
        self.deferrals = deferrals
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
    /// Pairs whose monthly amounts vary more than this (largest over smallest, in percent above 100)
    /// are still proposed, with a lower confidence.
    public var stableSpreadPercent: Int

    public init(lookbackMonths: Int = 6, minimumMonths: Int = 3, estimateMonths: Int = 3, stableSpreadPercent: Int = 25) {
        self.lookbackMonths = lookbackMonths
        self.minimumMonths = minimumMonths
        self.estimateMonths = estimateMonths
        self.stableSpreadPercent = stableSpreadPercent
    }
}

/// Which balance-sheet accounts hold deferrals, and how a bill's service period is read.
public struct DeferralRules: Sendable, Hashable {
    /// Prepaid-expense accounts; empty: every account of Odoo's "prepayments" type.
    public var prepaidAccountCodes: [String]
    /// Deferred-revenue accounts (released to income); none by default.
    public var deferredRevenueAccountCodes: [String]
    /// When the label names no service period, a bill booked to a deferral account covers this many months from its date.
    public var defaultMonths: Int?

    public init(prepaidAccountCodes: [String] = [], deferredRevenueAccountCodes: [String] = [], defaultMonths: Int? = nil) {
        self.prepaidAccountCodes = prepaidAccountCodes
        self.deferredRevenueAccountCodes = deferredRevenueAccountCodes
        self.defaultMonths = defaultMonths
    }
}
