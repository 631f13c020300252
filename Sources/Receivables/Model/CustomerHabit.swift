/// What a customer's paid invoices say about how they pay: how late each was (in payment order, and
/// sorted once for counting), and the usual invoice size, in minor units. Built from history only, so it
/// can be checked on what came after. The company's habit is one of these over every customer.
public struct CustomerHabit: Sendable, Hashable {
    public var customerID: Int
    /// Days late of each paid invoice, in payment order (negative: early).
    public let daysLate: [Int]
    let sortedDaysLate: [Int]
    /// The median invoice total in minor units (0 without history).
    public var usualMinorUnits: Int64

    public init(customerID: Int, daysLate: [Int], usualMinorUnits: Int64) {
        self.customerID = customerID
        self.daysLate = daysLate
        sortedDaysLate = daysLate.sorted()
        self.usualMinorUnits = usualMinorUnits
    }

    public var count: Int { daysLate.count }

    /// The lowest and highest days late of the last `recent` payments.
    public func recentRange(_ recent: Int) -> ClosedRange<Int>? {
        let last = daysLate.suffix(recent)
        guard let low = last.min(), let high = last.max() else { return nil }
        return low...high
    }
}
