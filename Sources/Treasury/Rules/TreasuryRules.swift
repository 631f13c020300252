/// How payment runs are checked before money leaves (the rule set's `treasury` section).
public struct TreasuryRules: Sendable, Hashable, Codable {
    /// Days a vendor's new or changed bank account waits before it is paid, whatever was verified.
    public var coolOffDays = 5
    /// Days within which two payments of the same amount to the same vendor look like one paid twice.
    public var duplicateWindowDays = 10
    /// A discount for paying early is taken when it is worth at least this much a year (0.10: 10 %).
    public var minimumDiscountAnnualRate = 0.10
    /// When Closer first watches a company, bank accounts created or changed within this many days count as changes
    /// still to verify; older ones are history.
    public var recentChangeDays = 30

    public init() {}
}
