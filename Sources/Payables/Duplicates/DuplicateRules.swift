public import Foundation

/// The tolerances of the duplicate search, from the rule set's `payables.duplicates` section.
public struct DuplicateRules: Sendable, Codable, Hashable {
    /// Two amounts are "the same" within this many minor units …
    public var amountToleranceMinorUnits: Int64
    /// … or within this share of the larger one, whichever is wider.
    public var amountTolerancePercent: Decimal
    /// How far apart two invoice dates may be for the same-amount signal.
    public var dateWindowDays: Int

    public init(amountToleranceMinorUnits: Int64 = 0, amountTolerancePercent: Decimal = 0, dateWindowDays: Int = 5) {
        self.amountToleranceMinorUnits = amountToleranceMinorUnits
        self.amountTolerancePercent = amountTolerancePercent
        self.dateWindowDays = dateWindowDays
    }

    /// The widest difference, in minor units, that still counts as the same amount as `minorUnits`.
    public func tolerance(around minorUnits: Int64) -> Int64 {
        let share = NSDecimalNumber(decimal: Decimal(Swift.abs(minorUnits)) * amountTolerancePercent / 100).int64Value
        return max(amountToleranceMinorUnits, share)
    }
}
