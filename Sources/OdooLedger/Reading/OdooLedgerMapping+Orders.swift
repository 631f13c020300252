import Foundation
import Ledger

extension OdooLedgerMapping {
    /// A purchase.order.line or sale.order.line with its order (name, date, rate). Quantities,
    /// prices and the rate stay exact decimals; only the valuation turns them into Money.
    func orderLine(_ record: OdooRecord, models: OdooOrderModels, order: OdooRecord, accountID: Int?) throws -> OrderLine {
        let orderID = try record.many2oneID("order_id")
        let rate = try order.decimal("currency_rate")
        return OrderLine(
            side: models.side, id: try record.int("id"), orderID: orderID,
            orderName: order.optionalString("name") ?? record.optionalMany2one("order_id")?.name ?? "order \(orderID)",
            partnerID: record.optionalMany2one(models.partnerField)?.id,
            productName: record.optionalMany2one("product_id")?.name ?? record.optionalString("name") ?? "",
            accountID: accountID, quantityOrdered: try record.decimal(models.orderedField),
            quantityFulfilled: try record.decimal(models.fulfilledField), quantityInvoiced: try record.decimal("qty_invoiced"),
            unitPrice: try record.decimal("price_unit"), discountPercent: try record.decimal("discount"),
            currencyID: record.optionalMany2one("currency_id")?.id ?? company.currency.id,
            currencyRate: rate > 0 ? rate : 1, orderDate: try order.timestamp("date_order").date,
            state: OrderState(rawValue: try record.string("state")))
    }
}
