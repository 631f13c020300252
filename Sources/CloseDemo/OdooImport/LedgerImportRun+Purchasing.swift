import DemoCompany
import Foundation
import Ledger
import OdooLedger
import OdooRPC

/// The demo's purchasing, where the database has Odoo's purchase and stock apps: the purchased products
/// (billed on order or on receipt, `purchase_method`), the purchase orders confirmed (or cancelled), their
/// receipts validated with the quantities received, and the bills whose lines name the order lines they
/// bill (`purchase_line_id`), posted. Idempotent like the rest: external ids, and received quantities read
/// before a receipt is validated.
extension LedgerImportRun {
    static let purchasingModules = ["purchase", "stock", "purchase_stock"]

    mutating func importPurchasing(_ purchasing: DemoPurchasing) async throws {
        let orderLines = snapshot.orderLines.filter { $0.side == .purchase }
        guard !orderLines.isEmpty || !purchasing.bills.isEmpty else { return }
        let installed = try await client.searchRead("ir.module.module", domain: [
            ["name", "in", .array(Self.purchasingModules.map(RPCValue.string))], ["state", "=", "installed"]], fields: ["name"])
        guard installed.count == Self.purchasingModules.count else {
            report.warn("This database lacks Odoo's Purchase and Inventory apps (purchase, stock, purchase_stock), so the demo's "
                        + "\(Set(orderLines.map(\.orderID)).count) purchase orders, their receipts and \(purchasing.bills.count) bills of "
                        + "ordered goods are not pushed; install both apps and push again to add them.")
            return
        }
        let category = try await productCategory()
        var products: [String: Int] = [:]
        for (index, (name, method)) in purchasing.purchaseMethods.sorted(by: { $0.key < $1.key }).enumerated() {
            products[name] = try await product(name, method: method, category: category, key: index + 1)
        }
        for lines in Dictionary(grouping: orderLines, by: \.orderID).values.sorted(by: { $0[0].orderID < $1[0].orderID }) {
            try await purchaseOrder(lines.sorted { $0.id < $1.id }, products: products)
        }
        for bill in purchasing.bills { try await orderBill(bill, products: products) }
    }

    /// Found by external id, else by name, else created.
    private mutating func productCategory() async throws -> Int {
        if let id = xids.id("product_category", 1, model: "product.category") { return id }
        let name = DemoPurchasing.productCategory
        let found = try await client.search("product.category", domain: [["name", "=", .string(name)], ["parent_id", "=", false]], limit: 1).first
        var id = found ?? 0
        if found == nil { id = try await client.create("product.category", [["name": .string(name)]])[0] }
        report.count("product.category", created: found == nil)
        try await xids.register("product_category", model: "product.category", [(1, id)])
        return id
    }

    private mutating func product(_ name: String, method: DemoPurchasing.PurchaseMethod, category: Int, key: Int) async throws -> Int {
        if let id = xids.id("product", key, model: "product.product") {
            report.count("product.product", created: false)
            return id
        }
        let id = try await client.create("product.product", [[
            "name": .string(name), "type": "consu", "is_storable": true, "purchase_method": .string(method.rawValue), "categ_id": RPCValue(category),
        ]])[0]
        report.count("product.product", created: true)
        try await xids.register("product", model: "product.product", [(key, id)])
        return id
    }

    /// Creates the order once, confirms (or cancels) it, and receives what the demo says was received.
    private mutating func purchaseOrder(_ lines: [OrderLine], products: [String: Int]) async throws {
        let head = lines[0]
        let order: Int
        if let known = xids.id("purchase_order", head.orderID, model: "purchase.order") {
            order = known
            report.count("purchase.order", created: false)
        } else {
            let values: [RPCValue] = lines.map { line in
                [0, 0, ["product_id": OdooWireValue.id(products[line.productName]), "name": .string(line.productName),
                        "product_qty": Self.number(line.quantityOrdered), "price_unit": Self.number(line.unitPrice),
                        "discount": Self.number(line.discountPercent)]]
            }
            order = try await client.create("purchase.order", [[
                "partner_id": OdooWireValue.id(partner(head.partnerID)), "currency_id": OdooWireValue.id(currency(head.currencyID)),
                "date_order": .string("\(head.orderDate) 09:00:00"), "partner_ref": .string(head.orderName), "order_line": .array(values),
            ]])[0]
            report.count("purchase.order", created: true)
            try await xids.register("purchase_order", model: "purchase.order", [(head.orderID, order)])
        }
        report.map("purchase.order", head.orderID, to: order)
        let read = try await client.read("purchase.order", ids: [order], fields: ["state", "order_line"]).first ?? [:]
        let odooLines = (read["order_line"]?.arrayValue?.compactMap(\.int) ?? []).sorted()
        guard odooLines.count == lines.count else {
            report.warn("Purchase order \(head.orderName) has \(odooLines.count) lines in Odoo instead of \(lines.count): it is not received or billed.")
            return
        }
        for (line, id) in zip(lines, odooLines) { report.map("purchase.order.line", line.id, to: id) }
        let state = read["state"]?.stringValue ?? ""
        if head.state == .cancelled {
            if state != "cancel" { try await client.callReturningNothing("purchase.order", "button_cancel", [RPCValue([order])]) }
            return
        }
        if state == "draft" || state == "sent" {
            _ = try await client.execute("purchase.order", "button_confirm", [RPCValue([order])], idempotent: true)
        }
        try await receive(lines, orderLines: odooLines, order: order)
    }

    /// Validates the open receipt with, per line, what is still to be received; nothing when Odoo already has it all.
    private mutating func receive(_ lines: [OrderLine], orderLines: [Int], order: Int) async throws {
        let received = Dictionary(try await client.read("purchase.order.line", ids: orderLines, fields: ["qty_received"]).map { row in
            let record = OdooRecord(model: "purchase.order.line", values: row)
            return (try record.int("id"), try record.decimal("qty_received"))
        }, uniquingKeysWith: { first, _ in first })
        let missing = Dictionary(zip(orderLines, lines).map { ($0, $1.quantityFulfilled - (received[$0] ?? 0)) }, uniquingKeysWith: { first, _ in first })
        guard missing.values.contains(where: { $0 > 0 }) else { return }
        let pickings = try await client.search("stock.picking", domain: [["purchase_id", "=", RPCValue(order)], ["state", "not in", ["done", "cancel"]]])
        guard !pickings.isEmpty else {
            report.warn("Purchase order \(lines[0].orderName) has no open receipt in Odoo, so what the demo received of it is not received.")
            return
        }
        let moves = try await client.searchRead("stock.move", domain: [["picking_id", "in", RPCValue(pickings)]], fields: ["purchase_line_id"])
        for move in moves {
            guard let id = move["id"]?.int, let line = move["purchase_line_id"]?.many2one?.id else { continue }
            try await client.write("stock.move", ids: [id], ["quantity": Self.number(max(0, missing[line] ?? 0))])
        }
        _ = try await client.execute("stock.picking", "button_validate", [RPCValue(pickings)],
                                     ["context": ["skip_backorder": true, "picking_ids_not_to_backorder": RPCValue(pickings)]], idempotent: false)
        for _ in pickings { report.countUpdate("stock.picking") }
    }

    /// Creates the bill once, its lines naming the order lines they bill, and posts it.
    private mutating func orderBill(_ bill: DemoVendorBill, products: [String: Int]) async throws {
        let id: Int
        if let known = xids.id("order_bill", bill.id, model: "account.move") {
            id = known
            report.count("account.move", created: false)
        } else {
            // A bill of an order Odoo refused would bill nothing: left out, the order's warning says why.
            guard bill.lines.allSatisfy({ $0.purchaseLineID.map { report.odooID("purchase.order.line", $0) != nil } ?? true }) else {
                report.warn("\(bill.name) (ref \(bill.reference)) is not pushed: the order lines it bills are not in Odoo.")
                return
            }
            let lines: [RPCValue] = bill.lines.map { line in
                var values: RPCStruct = ["product_id": OdooWireValue.id(products[line.product]), "name": .string(line.product),
                                         "quantity": Self.number(line.quantity), "price_unit": Self.number(line.unitPrice)]
                if let order = line.purchaseLineID { values["purchase_line_id"] = OdooWireValue.id(report.odooID("purchase.order.line", order)) }
                return [0, 0, .structure(values)]
            }
            id = try await client.create("account.move", [[
                "move_type": "in_invoice", "partner_id": OdooWireValue.id(partner(bill.vendorID)), "ref": .string(bill.reference),
                "invoice_date": OdooWireValue.date(bill.invoiceDate), "invoice_line_ids": .array(lines),
            ]])[0]
            report.count("account.move", created: true)
            try await xids.register("order_bill", model: "account.move", [(bill.id, id)])
        }
        // Bill ids follow the ledger's move ids, so the ground truth maps through the same table.
        report.map("account.move", bill.id, to: id)
        if try await client.read("account.move", ids: [id], fields: ["state"]).first?["state"]?.stringValue == "draft" {
            try await client.callReturningNothing("account.move", "action_post", [RPCValue([id])])
        }
    }

    static func number(_ value: Decimal) -> RPCValue { .double(WireNumber(text: value.description)!) }
}
