public import Ledger

/// A tenant's close calendar, as a tenants file writes it: "monthly, 5th working day" — every month is closed,
/// due by the Nth working day after it ends (`LocalDate.closeDay`). The close starts on the first working day.
public struct CloseCalendar: Hashable, Sendable, CustomStringConvertible {
    /// N: the close is due on the Nth working day after the period ends.
    public var deadlineWorkingDay: Int

    public init?(deadlineWorkingDay: Int) {
        guard (1...23).contains(deadlineWorkingDay) else { return nil }
        self.deadlineWorkingDay = deadlineWorkingDay
    }

    /// "monthly, 5th working day" (the ordinal's suffix may be any of st, nd, rd, th); nil for anything else.
    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: ",").map { $0.split(separator: " ").map(String.init) }
        guard parts.count == 2, parts[0] == ["monthly"], parts[1].count == 3, parts[1][1...] == ["working", "day"] else { return nil }
        let ordinal = parts[1][0]
        guard ["st", "nd", "rd", "th"].contains(String(ordinal.suffix(2))), let day = Int(ordinal.dropLast(2)) else { return nil }
        self.init(deadlineWorkingDay: day)
    }

    public var description: String {
        let last = deadlineWorkingDay % 10
        let suffix = (11...13).contains(deadlineWorkingDay) || !(1...3).contains(last) ? "th" : ["st", "nd", "rd"][last - 1]
        return "monthly, \(deadlineWorkingDay)\(suffix) working day"
    }

    /// The period whose close is under way on `day`: the month just ended, from its first working day after.
    public func periodToClose(on day: LocalDate) -> Period? {
        let period = Period(containing: day).previous
        return day >= .closeDay(1, after: period.end) ? period : nil
    }

    /// The day the period's close is due.
    public func deadline(closing period: Period) -> LocalDate {
        .closeDay(deadlineWorkingDay, after: period.end)
    }
}
