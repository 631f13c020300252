public import Foundation

extension LocalDate {
    /// The UTC calendar day of an instant (default now): the day a close is judged on unless the user
    /// names another, and the day schedules, refreshes and overdue tasks count in.
    public static func todayUTC(now: Date = Date()) -> LocalDate {
        Timestamp(secondsSinceEpoch: Int64(now.timeIntervalSince1970.rounded(.down))).date
    }
}
