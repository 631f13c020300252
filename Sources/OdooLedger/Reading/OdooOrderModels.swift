import Ledger

/// Where Odoo keeps one side of the order business: the models and the fields that differ between
/// purchase (purchase.order.line, Odoo 18 addons/purchase) and sale (sale.order.line, addons/sale).
struct OdooOrderModels: Sendable {
    let side: OrderSide
    let order: String
    let line: String
    /// The ordered quantity, in the line's unit of measure.
    let orderedField: String
    /// qty_received or qty_delivered, in the line's unit of measure.
    let fulfilledField: String
    let partnerField: String
    /// Odoo 18 purchase confirms to 'purchase' and locks to 'done'; sale confirms to 'sale' ('done' was Odoo 16's lock).
    let confirmedStates: [OrderState]
    /// The product's and the category's account a bill or invoice line of the product is booked to.
    let productAccountField: String
    let categoryAccountField: String

    static let purchase = OdooOrderModels(
        side: .purchase, order: "purchase.order", line: "purchase.order.line", orderedField: "product_qty", fulfilledField: "qty_received",
        partnerField: "partner_id", confirmedStates: [.purchase, .done], productAccountField: "property_account_expense_id",
        categoryAccountField: "property_account_expense_categ_id")

    static let sale = OdooOrderModels(
        side: .sale, order: "sale.order", line: "sale.order.line", orderedField: "product_uom_qty", fulfilledField: "qty_delivered",
        partnerField: "order_partner_id", confirmedStates: [.sale, .done], productAccountField: "property_account_income_id",
        categoryAccountField: "property_account_income_categ_id")

    static let all = [purchase, sale]

    var lineFields: [String] {
        ["order_id", "product_id", "name", partnerField, orderedField, fulfilledField, "qty_invoiced", "price_unit", "discount",
         "currency_id", "state"]
    }

    static let orderFields = ["name", "date_order", "currency_rate"]
}
