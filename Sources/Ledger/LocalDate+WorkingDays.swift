extension LocalDate {
    /// Working days are Monday to Friday; there is no holiday calendar (a public holiday counts as a working day).
    public var isWorkingDay: Bool { !isWeekend }

    /// The last working day on or before this date: a period ending on a weekend closes on its Friday.
    public var workingDayOnOrBefore: LocalDate {
        var date = self
        while !date.isWorkingDay { date = date.adding(days: -1) }
        return date
    }

    /// Close calendars count "working day 1, 2, …" after period end: day 0 is the period's last working
    /// day, +n the n-th working day after it, -n the n-th working day before it.
    public static func closeDay(_ offset: Int, after periodEnd: LocalDate) -> LocalDate {
        var date = periodEnd.workingDayOnOrBefore
        var remaining = abs(offset)
        while remaining > 0 {
            date = date.adding(days: offset > 0 ? 1 : -1)
            if date.isWorkingDay { remaining -= 1 }
        }
        return date
    }
}
