public import Ledger

/// A customer invoice as collections reads it: whose, due when, for how much, and — once settled — when
/// it was paid. The model learns from the paid ones and ranks the open ones.
public struct CustomerInvoice: Sendable, Codable, Hashable {
    public var id: Int
    public var name: String
    public var customerID: Int
    public var customerName: String
    public var invoiceDate: LocalDate
    public var dueDate: LocalDate
    /// The invoice's total in the company's currency (Odoo's `amount_total_signed`), so customers compare.
    public var total: Money
    /// What is still owed in the company's currency (`amount_residual_signed`; zero once paid).
    public var open: Money
    /// The day the last payment settled it; nil while open.
    public var paidOn: LocalDate?

    public init(id: Int, name: String, customerID: Int, customerName: String, invoiceDate: LocalDate, dueDate: LocalDate, total: Money,
                open: Money, paidOn: LocalDate? = nil) {
        self.id = id
        self.name = name
        self.customerID = customerID
        self.customerName = customerName
        self.invoiceDate = invoiceDate
        self.dueDate = dueDate
        self.total = total
        self.open = open
        self.paidOn = paidOn
    }

    /// Days between the due date and the payment (negative: early); nil while open.
    public var daysLate: Int? { paidOn.map { dueDate.days(until: $0) } }
}
