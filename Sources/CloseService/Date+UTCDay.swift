import Foundation
import Ledger

extension Date {
    /// The UTC calendar day of this instant: schedules, the feed's overdue tasks and refreshes count days in UTC.
    public var utcDay: LocalDate { Timestamp(secondsSinceEpoch: Int64(timeIntervalSince1970.rounded(.down))).date }
}
