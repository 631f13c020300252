public import Ledger
public import Foundation

/// A configured close run: every day at a UTC time, or only on the first working days after a period
/// ends (the close window), it runs the close sequence without writes for the period just ended.
public struct CloseSchedule: Sendable, Hashable {
    public var name: String
    /// The ledger to close; nil means the only ledger in the store.
    public var sourceKey: SourceKey?
    /// Time of day, UTC.
    public var hour: Int
    public var minute: Int
    /// Run only on working days 1…N after period end (Monday–Friday, see `LocalDate.closeDay`); nil: every day.
    public var closeWindowWorkingDays: Int?

    public init(name: String, sourceKey: SourceKey? = nil, hour: Int, minute: Int, closeWindowWorkingDays: Int? = nil) {
        self.name = name
        self.sourceKey = sourceKey
        self.hour = hour
        self.minute = minute
        self.closeWindowWorkingDays = closeWindowWorkingDays
    }

    /// One due run: the time it was due and the period it closes.
    public struct Slot: Sendable, Hashable {
        public var time: Date
        public var period: Period
        public var day: LocalDate
    }

    /// The slot due on `now`'s UTC day, once its time has come: nil before the time, and on days outside
    /// the close window. A slot missed while the service was down is not caught up the next day.
    public func slot(at now: Date) -> Slot? {
        let day = LocalDate.todayUTC(now: now)
        let due = Timestamp(date: day, hour: hour, minute: minute)
        guard now.timeIntervalSince1970 >= TimeInterval(due.secondsSinceEpoch) else { return nil }
        let period = Period(containing: day).previous
        guard isInCloseWindow(day, closing: period) else { return nil }
        return Slot(time: Date(timeIntervalSince1970: TimeInterval(due.secondsSinceEpoch)), period: period, day: day)
    }

    func isInCloseWindow(_ day: LocalDate, closing period: Period) -> Bool {
        guard let days = closeWindowWorkingDays else { return true }
        return day.isWorkingDay && day >= .closeDay(1, after: period.end) && day <= .closeDay(days, after: period.end)
    }
}
