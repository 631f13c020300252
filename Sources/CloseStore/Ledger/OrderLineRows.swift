import Foundation
import Ledger

/// Column mapping of order lines. Quantities, prices and rates are stored as exact decimal text
/// (they are not money yet); a pull replaces a company's order lines, since they are the open
/// state at the time of the pull, not dated history.
enum OrderLineRows {
    static func replace(_ lines: [OrderLine], companyID: Int64, in db: any StoreSession) throws {
        try db.execute(sql: "DELETE FROM order_line WHERE company_id = ?", arguments: [companyID])
        let insert = try db.prepare(sql: "INSERT INTO order_line VALUES (" + Array(repeating: "?", count: 17).joined(separator: ", ") + ")")
        try insert.execute(batch: lines.map { line in
            [
                companyID, line.side.rawValue, line.id, line.orderID, line.orderName, line.partnerID, line.productName, line.accountID,
                "\(line.quantityOrdered)", "\(line.quantityFulfilled)", "\(line.quantityInvoiced)", "\(line.unitPrice)",
                "\(line.discountPercent)", line.currencyID, "\(line.currencyRate)", line.orderDate.description, line.state.rawValue,
            ]
        })
    }

    static func fetch(companyID: Int64, in db: any StoreSession) throws -> [OrderLine] {
        try StoreRow.fetchAll(db, sql: "SELECT * FROM order_line WHERE company_id = ? ORDER BY side, order_id, odoo_id", arguments: [companyID])
            .map { row in
                func decimal(_ column: String) -> Decimal { Decimal(string: row[column] as String) ?? 0 }
                return OrderLine(
                    side: OrderSide(rawValue: row["side"]) ?? .purchase, id: row["odoo_id"], orderID: row["order_id"], orderName: row["order_name"],
                    partnerID: row["partner_id"], productName: row["product_name"], accountID: row["account_id"],
                    quantityOrdered: decimal("quantity_ordered"), quantityFulfilled: decimal("quantity_fulfilled"),
                    quantityInvoiced: decimal("quantity_invoiced"), unitPrice: decimal("unit_price"), discountPercent: decimal("discount_percent"),
                    currencyID: row["currency_id"], currencyRate: decimal("currency_rate"), orderDate: LocalDate(iso: row["order_date"] as String)!,
                    state: OrderState(rawValue: row["state"]))
            }
    }
}
