import Ledger
import OdooRPC

extension OdooLedgerReader {
    /// Lines of the company's confirmed purchase and sale orders with more received or delivered
    /// than invoiced, now (not as of a date: Odoo keeps no history of these quantities). A side whose
    /// module is not installed is skipped with a note.
    func orderLines(companyID: Int, mapping: OdooLedgerMapping) async throws -> (lines: [OrderLine], notes: [String]) {
        var lines: [OrderLine] = []
        var notes: [String] = []
        for models in OdooOrderModels.all {
            guard schema.hasModel(models.line), schema.hasModel(models.order) else {
                notes.append("\(models.line) is not in this database (the \(models.side.rawValue) module is not installed): "
                             + "no \(models.side == .purchase ? "goods-received-not-billed" : "delivered-not-invoiced") accruals can be proposed.")
                continue
            }
            lines += try await orderLines(models, companyID: companyID, mapping: mapping)
        }
        return (lines, notes)
    }

    private func orderLines(_ models: OdooOrderModels, companyID: Int, mapping: OdooLedgerMapping) async throws -> [OrderLine] {
        // Odoo cannot compare two fields in a domain: narrow to lines with something received or delivered on orders
        // not wholly invoiced, then keep those with more received or delivered than invoiced (a line whose quantities
        // cannot be read is kept, so that the mapping below fails naming the field).
        let domain: [RPCValue] = [["company_id", "=", RPCValue(companyID)],
                                  ["state", "in", RPCValue(models.confirmedStates.map(\.rawValue))],
                                  ["display_type", "=", false], [.string(models.fulfilledField), ">", 0],
                                  ["order_id.invoice_status", "!=", "invoiced"]]
        let records = try await self.records(models.line, domain: domain, fields: models.lineFields).filter { record in
            (try? record.decimal(models.fulfilledField) > record.decimal("qty_invoiced")) ?? true
        }
        guard !records.isEmpty else { return [] }
        let orderIDs = Set(try records.map { try $0.many2oneID("order_id") }).sorted()
        let orders = try await client.read(models.order, ids: orderIDs, fields: schema.available(OdooOrderModels.orderFields, on: models.order))
            .map { OdooRecord(model: models.order, values: $0) }
        let ordersByID = Dictionary(try orders.map { (try $0.int("id"), $0) }, uniquingKeysWith: { first, _ in first })
        let accounts = try await productAccounts(Set(records.compactMap { $0.optionalMany2one("product_id")?.id }).sorted(), models)
        return try records.map { record in
            let orderID = try record.many2oneID("order_id")
            guard let order = ordersByID[orderID] else { throw record.fail("order_id", "an order that cannot be read") }
            return try mapping.orderLine(record, models: models, order: order,
                                         accountID: record.optionalMany2one("product_id").flatMap { accounts[$0.id] })
        }.sorted { ($0.orderID, $0.id) < ($1.orderID, $1.id) }
    }

    /// The account each product's bills or invoices go to: the product's own, else its category's (as
    /// Odoo's `_get_product_accounts` does). Products with neither are left out.
    private func productAccounts(_ productIDs: [Int], _ models: OdooOrderModels) async throws -> [Int: Int] {
        guard !productIDs.isEmpty, schema.hasModel("product.product") else { return [:] }
        let products = try await client.read("product.product", ids: productIDs,
                                             fields: schema.available(["categ_id", models.productAccountField], on: "product.product"))
            .map { OdooRecord(model: "product.product", values: $0) }
        let categoryIDs = Set(products.compactMap { $0.optionalMany2one("categ_id")?.id }).sorted()
        var categoryAccounts: [Int: Int] = [:]
        if !categoryIDs.isEmpty && schema.has(models.categoryAccountField, on: "product.category") {
            for category in try await client.read("product.category", ids: categoryIDs, fields: [models.categoryAccountField]) {
                let record = OdooRecord(model: "product.category", values: category)
                if let id = record.id, let account = record.optionalMany2one(models.categoryAccountField) { categoryAccounts[id] = account.id }
            }
        }
        var accounts: [Int: Int] = [:]
        for product in products {
            guard let id = product.id else { continue }
            accounts[id] = product.optionalMany2one(models.productAccountField)?.id
                ?? product.optionalMany2one("categ_id").flatMap { categoryAccounts[$0.id] }
        }
        return accounts
    }
}
