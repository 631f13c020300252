public import Foundation

/// A line of a purchase or sale order (purchase.order.line / sale.order.line): what was ordered,
/// received or delivered, and invoiced; the raw material of the product-business accruals.
/// Quantities and prices are exact decimals, as Odoo's wire text wrote them.
public struct OrderLine: Sendable, Codable, Hashable {
    public var side: OrderSide
    public var id: Int
    public var orderID: Int
    /// The order's number, e.g. "P00012" or "S00034".
    public var orderName: String
    public var partnerID: Int?
    public var productName: String
    /// Where the goods go when the bill or invoice is booked (the product's, else its category's,
    /// expense or income account); nil when Odoo has none, and the proposer falls back to a rule.
    public var accountID: Int?
    public var quantityOrdered: Decimal
    /// Received (purchase) or delivered (sale), in the line's unit of measure.
    public var quantityFulfilled: Decimal
    public var quantityInvoiced: Decimal
    /// Per unit of the line's unit of measure, in the order's currency, before the discount.
    public var unitPrice: Decimal
    public var discountPercent: Decimal
    public var currencyID: Int
    /// Order currency units per company currency unit (Odoo's `currency_rate` of the order); 1 in the company currency.
    public var currencyRate: Decimal
    public var orderDate: LocalDate
    public var state: OrderState

    public init(side: OrderSide, id: Int, orderID: Int, orderName: String, partnerID: Int?, productName: String, accountID: Int?,
                quantityOrdered: Decimal, quantityFulfilled: Decimal, quantityInvoiced: Decimal, unitPrice: Decimal,
                discountPercent: Decimal = 0, currencyID: Int, currencyRate: Decimal = 1, orderDate: LocalDate, state: OrderState) {
        self.side = side
        self.id = id
        self.orderID = orderID
        self.orderName = orderName
        self.partnerID = partnerID
        self.productName = productName
        self.accountID = accountID
        self.quantityOrdered = quantityOrdered
        self.quantityFulfilled = quantityFulfilled
        self.quantityInvoiced = quantityInvoiced
        self.unitPrice = unitPrice
        self.discountPercent = discountPercent
        self.currencyID = currencyID
        self.currencyRate = currencyRate
        self.orderDate = orderDate
        self.state = state
    }

    /// Received or delivered beyond what was invoiced; zero when invoicing caught up (or ran ahead).
    public var quantityNotInvoiced: Decimal { max(0, quantityFulfilled - quantityInvoiced) }

    /// The unit price after the line's discount, in the order's currency.
    public var netUnitPrice: Decimal { discountPercent == 0 ? unitPrice : unitPrice * (100 - discountPercent) / 100 }

    /// `quantity` valued at the net order price, converted at the order's rate into `home` and rounded
    /// once, half away from zero, to its decimals: Odoo's own HALF-UP, so the accrual equals the
    /// subtotal of the bill or invoice that will replace it. Nil only past Money's range.
    public func value(of quantity: Decimal, in home: Currency) -> Money? {
        var exact = quantity * netUnitPrice
        if currencyRate != 1 && currencyRate > 0 { exact /= currencyRate }
        return try? Money(parsing: exact.description, currency: home.code, scale: home.decimalPlaces, rounding: true)
    }

    /// The Odoo model of the order this line belongs to.
    public var orderModel: String { side == .purchase ? "purchase.order" : "sale.order" }
    public var lineModel: String { side == .purchase ? "purchase.order.line" : "sale.order.line" }
}

/// Which way the goods go: bought from a vendor, or sold to a customer.
public enum OrderSide: String, Sendable, Codable, Hashable, CaseIterable {
    case purchase, sale
}

/// purchase.order / sale.order `state`. Odoo 18 purchase: draft, sent, to approve, purchase, done,
/// cancel; sale: draft, sent, sale, cancel (Odoo 16 also had done).
public struct OrderState: OdooSelection {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let purchase: Self = "purchase"
    public static let sale: Self = "sale"
    public static let done: Self = "done"
    public static let cancelled: Self = "cancel"

    /// Confirmed orders: the goods are committed, so what arrived or left is owed.
    public var isConfirmed: Bool { self == .purchase || self == .sale || self == .done }
}
