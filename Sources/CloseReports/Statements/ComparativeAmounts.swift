public import Ledger

/// An amount this period beside the same amount in the comparatives; a comparative is nil when the
/// store cannot back it (see `ComparativeTrialBalance`).
public struct ComparativeAmounts: Sendable, Codable, Hashable {
    public var current: Money
    public var priorPeriod: Money?
    public var samePeriodLastYear: Money?

    /// `columns`: current first, then the comparatives in `ComparativeTrialBalance.comparatives` order.
    init(columns: [Money?]) {
        current = columns[0]!
        priorPeriod = columns[1]
        samePeriodLastYear = columns[2]
    }

    public var columns: [Money?] { [current, priorPeriod, samePeriodLastYear] }

    /// Column by column; a comparative missing on either side stays missing.
    static func combine(_ lhs: ComparativeAmounts, _ rhs: ComparativeAmounts, _ operation: (Money, Money) -> Money) -> ComparativeAmounts {
        ComparativeAmounts(columns: zip(lhs.columns, rhs.columns).map { left, right in
            guard let left, let right else { return nil }
            return operation(left, right)
        })
    }

    static func + (lhs: ComparativeAmounts, rhs: ComparativeAmounts) -> ComparativeAmounts { combine(lhs, rhs, +) }
    static func - (lhs: ComparativeAmounts, rhs: ComparativeAmounts) -> ComparativeAmounts { combine(lhs, rhs, -) }
}
