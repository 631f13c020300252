public import Ledger

/// A posted credit note to a customer: what it took back from the period's credit sales, in the company's
/// currency (a positive amount), and the day it counts on.
public struct CustomerCreditNote: Sendable, Codable, Hashable {
    public var id: Int
    public var customerID: Int
    public var date: LocalDate
    public var total: Money

    public init(id: Int, customerID: Int, date: LocalDate, total: Money) {
        self.id = id
        self.customerID = customerID
        self.date = date
        self.total = total
    }
}
