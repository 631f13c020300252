/// How a planted customer pays its invoices, so the collections model can be scored on the demo: the
/// worklist should put the habitual and deteriorating late payers first and leave the on-time payers alone.
public struct PlantedPaymentHabit: Sendable, Codable, Hashable {
    public enum Habit: String, Sendable, Codable, Hashable, CaseIterable {
        /// Pays within the grace days after the due date.
        case onTime = "on-time"
        /// Pays 20 to 40 days after the due date.
        case habituallyLate = "habitually-late"
        /// Half on time, half very late (45 to 75 days).
        case mixed
        /// On time in the early months, later and later in the last months.
        case deteriorating

        /// The habits a collector should chase first.
        public var isLatePayer: Bool { self == .habituallyLate || self == .deteriorating }
    }

    public var customerID: Int
    public var customerName: String
    public var habit: Habit

    public init(customerID: Int, customerName: String, habit: Habit) {
        self.customerID = customerID
        self.customerName = customerName
        self.habit = habit
    }
}
