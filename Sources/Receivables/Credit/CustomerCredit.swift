public import Ledger

/// What a customer owes and has ordered, as a credit hold weighs it, all in the company's currency: the
/// open receivable items (invoices, and credit notes or payments not yet matched, negative), the confirmed
/// sales orders not yet invoiced, and the credit limit Odoo holds for the customer.
public struct CustomerCredit: Sendable, Codable, Hashable {
    /// The commercial partner (`res.partner`) the receivable is booked on.
    public var customerID: Int
    public var customerName: String
    public var openItems: [OpenReceivable]
    /// Confirmed sales orders' amounts not yet invoiced (zero when Odoo's `sale` is not installed).
    public var uninvoicedOrders: Money
    /// The customer's credit limit when the company uses credit limits and it is above zero; nil: none.
    public var limit: Money?

    public init(customerID: Int, customerName: String, openItems: [OpenReceivable], uninvoicedOrders: Money, limit: Money?) {
        self.customerID = customerID
        self.customerName = customerName
        self.openItems = openItems
        self.uninvoicedOrders = uninvoicedOrders
        self.limit = limit
    }

    /// The open receivable (Odoo's `credit` on the partner): every open item, credits included.
    public var receivable: Money { openItems.reduce(uninvoicedOrders.zero) { $0 + $1.amount } }

    /// Receivable plus confirmed orders not yet invoiced: what the customer would owe once all is billed.
    public var exposure: Money { receivable + uninvoicedOrders }
}

/// One open receivable item: what is left of it and when it falls due.
public struct OpenReceivable: Sendable, Codable, Hashable {
    public var dueDate: LocalDate
    public var amount: Money

    public init(dueDate: LocalDate, amount: Money) {
        self.dueDate = dueDate
        self.amount = amount
    }
}

extension Money {
    /// Zero in this amount's currency and scale.
    var zero: Money { Money.zero(currency, scale: scale) }
}
