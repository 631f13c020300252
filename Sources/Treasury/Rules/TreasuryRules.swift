/// How payment runs are checked before money leaves (the rule set's `treasury` section).
public struct TreasuryRules: Sendable, Hashable, Codable {
    /// Days a vendor's new or changed bank account waits before it is paid, whatever was verified.
    public var coolOffDays = 5
    /// Days within which two payments of the same amount to the same vendor look like one paid twice.
    public var duplicateWindowDays = 10
    /// A discount for paying early is taken when it is worth at least this much a year (0.10: 10 %).
    public var minimumDiscountAnnualRate = 0.10

    public init() {}
}
