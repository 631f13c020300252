public import Ledger

/// A bill or invoice line booked to a deferral account, spread straight-line over the months it
/// covers: an equal share per month, the last month taking the rounding remainder.
public struct DeferralSchedule: Sendable, Codable, Hashable {
    /// The line that put the amount on the deferral account.
    public var sourceLineID: Int
    public var sourceMoveID: Int
    public var partnerID: Int?
    public var label: String
    public var deferralAccountID: Int
    /// The expense (prepaid) or income (deferred revenue) account the releases go to.
    public var releaseAccountID: Int?
    /// Signed like the source line: positive for a prepaid expense (debit), negative for deferred revenue.
    public var total: Money
    public var firstMonth: Period
    public var months: Int

    public var lastMonth: Period { firstMonth.advanced(by: months - 1) }

    public func covers(_ month: Period) -> Bool { month >= firstMonth && month <= lastMonth }

    /// What the schedule releases in `month` (zero outside it).
    public func release(in month: Period) -> Money {
        guard covers(month) else { return total - total }
        let share = total.minorUnits / Int64(months)
        return month == lastMonth ? Money(minorUnits: total.minorUnits - share * Int64(months - 1), currency: total.currency, scale: total.scale)
            : Money(minorUnits: share, currency: total.currency, scale: total.scale)
    }

    /// Released by the end of `month`, by the schedule.
    public func released(through month: Period) -> Money {
        guard month >= firstMonth else { return total - total }
        guard month < lastMonth else { return total }
        let elapsed = Int64(firstMonth.monthsUntil(month) + 1)
        return Money(minorUnits: total.minorUnits / Int64(months) * elapsed, currency: total.currency, scale: total.scale)
    }

    public func remaining(after month: Period) -> Money { total - released(through: month) }
}

extension Period {
    /// Whole months from this period to `other` (negative when `other` is earlier).
    public func monthsUntil(_ other: Period) -> Int { (other.year - year) * 12 + other.month - month }
}
