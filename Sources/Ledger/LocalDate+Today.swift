import Foundation

extension LocalDate {
    /// Today in UTC: the day a close is judged on unless the user names another.
    public static func todayUTC(now: Date = Date()) -> LocalDate {
        Timestamp(secondsSinceEpoch: Int64(now.timeIntervalSince1970)).date
    }
}
