import Foundation
import Ledger
import OdooRPC
public import Payables

extension OdooLedgerReader {
    /// The company's vendor bills and refunds with an invoice date in `period` (cancelled ones left out),
    /// with their product lines, their attachments' checksums, and the purchase order lines they bill
    /// (a line Odoo no longer has is simply absent: the match names it).
    func vendorBills(companyID: Int, period: Period, source: SourceKey) async throws -> PurchaseBills {
        let company = try await company(id: companyID)
        var currencies = Dictionary(try await self.currencies(including: company.currency).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let moves = try await records("account.move", domain: [
            ["company_id", "=", RPCValue(companyID)], ["move_type", "in", ["in_invoice", "in_refund"]], ["state", "!=", "cancel"],
            ["invoice_date", ">=", .string(period.start.description)], ["invoice_date", "<=", .string(period.end.description)],
        ], fields: ["name", "partner_id", "commercial_partner_id", "ref", "invoice_date", "move_type", "state", "amount_total", "currency_id"])
        guard !moves.isEmpty else { return PurchaseBills(bills: [], orderLines: [:]) }
        let moveIDs = try moves.map { try $0.int("id") }
        // A bill in a currency since archived: read it by id, as Odoo still does for the bill.
        let archived = Set(moves.compactMap { $0.optionalMany2one("currency_id")?.id }).subtracting(currencies.keys)
        if !archived.isEmpty {
            for record in try await client.read("res.currency", ids: archived.sorted(), fields: OdooFieldLists.currency) {
                let currency = try OdooLedgerMapping.currency(OdooRecord(model: "res.currency", values: record))
                currencies[currency.id] = currency
            }
        }
        let lines = try await records("account.move.line", domain: [["move_id", "in", RPCValue(moveIDs)], ["display_type", "=", "product"]],
                                      fields: ["move_id", "name", "quantity", "price_unit", "discount", "purchase_line_id", "product_id"])
        let categories = try await productValues(Set(lines.compactMap { $0.optionalMany2one("product_id")?.id }), field: "categ_id")
        let vendors = try await vendorsByID(Set(moves.compactMap { ($0.optionalMany2one("commercial_partner_id") ?? $0.optionalMany2one("partner_id"))?.id }))
        var checksums: [Int: Set<String>] = [:]
        if schema.hasModel("ir.attachment") {
            for attachment in try await records("ir.attachment", domain: [["res_model", "=", "account.move"], ["res_id", "in", RPCValue(moveIDs)]],
                                                fields: ["res_id", "checksum"]) {
                if let move = try? attachment.int("res_id"), let checksum = attachment.optionalString("checksum") { checksums[move, default: []].insert(checksum) }
            }
        }
        let orderLineIDs = Set(lines.compactMap { $0.optionalMany2one("purchase_line_id")?.id })
        let orderLines = try await billedOrderLines(orderLineIDs, company: company, currencies: currencies)
        var linesByMove: [Int: [VendorBillLine]] = [:]
        for line in lines {
            let product = line.optionalMany2one("product_id")?.id
            linesByMove[try line.many2oneID("move_id"), default: []].append(VendorBillLine(
                id: try line.int("id"), label: line.optionalString("name") ?? "", quantity: try line.decimal("quantity"),
                unitPrice: try line.decimal("price_unit"), discountPercent: (try? line.decimal("discount")) ?? 0,
                purchaseLineID: line.optionalMany2one("purchase_line_id")?.id, productCategory: product.flatMap { categories[$0] }))
        }
        let bills = try moves.map { move -> VendorBill in
            let id = try move.int("id")
            // A draft without a vendor yet is still checked; it matches no other vendor's bills.
            let vendor = move.optionalMany2one("commercial_partner_id") ?? move.optionalMany2one("partner_id") ?? (id: 0, name: "no vendor yet")
            guard let currency = currencies[try move.many2oneID("currency_id")] else { throw move.fail("currency_id", "a currency that cannot be read") }
            let billLines = linesByMove[id] ?? []
            return VendorBill(source: source, id: id, name: move.optionalString("name") ?? "draft bill \(id)", companyID: companyID,
                              vendor: vendors[vendor.id] ?? BillVendor(partnerID: vendor.id, name: vendor.name), reference: move.optionalString("ref"),
                              invoiceDate: move.optionalDate("invoice_date"), isRefund: try move.string("move_type") == "in_refund",
                              state: MoveState(rawValue: try move.string("state")), total: try move.money("amount_total", in: currency),
                              lines: billLines, attachmentChecksums: checksums[id] ?? [],
                              purchaseOrderIDs: Set(billLines.compactMap { $0.purchaseLineID }.compactMap { orderLines[$0]?.line.orderID }))
        }
        return PurchaseBills(bills: bills.sorted { $0.id < $1.id }, orderLines: orderLines)
    }

    private func billedOrderLines(_ ids: Set<Int>, company: Company, currencies: [Int: Currency]) async throws -> [Int: BilledOrderLine] {
        let models = OdooOrderModels.purchase
        guard !ids.isEmpty, schema.hasModel(models.line) else { return [:] }
        let records = try await client.read(models.line, ids: ids.sorted(), fields: schema.available(models.lineFields, on: models.line))
            .map { OdooRecord(model: models.line, values: $0) }
        let orderIDs = Set(try records.map { try $0.many2oneID("order_id") }).sorted()
        let orders = Dictionary(try await client.read(models.order, ids: orderIDs, fields: schema.available(OdooOrderModels.orderFields, on: models.order))
            .map { OdooRecord(model: models.order, values: $0) }.map { (try $0.int("id"), $0) }, uniquingKeysWith: { first, _ in first })
        let policies = try await productValues(Set(records.compactMap { $0.optionalMany2one("product_id")?.id }), field: "purchase_method")
        let mapping = OdooLedgerMapping(company: company, currencies: currencies)
        var lines: [Int: BilledOrderLine] = [:]
        for record in records {
            guard let order = orders[try record.many2oneID("order_id")] else { throw record.fail("order_id", "an order that cannot be read") }
            let line = try mapping.orderLine(record, models: models, order: order, accountID: nil)
            let policy = record.optionalMany2one("product_id").flatMap { policies[$0.id] }.flatMap(BilledOrderLine.BillingPolicy.init) ?? .onOrder
            let currency = currencies[line.currencyID]?.code ?? company.currency.code
            lines[line.id] = BilledOrderLine(line: line, policy: policy, currency: currency)
        }
        return lines
    }

    /// One field of some products: a many2one's name (e.g. the category) or a selection's value.
    private func productValues(_ ids: Set<Int>, field: String) async throws -> [Int: String] {
        guard !ids.isEmpty, schema.has(field, on: "product.product") else { return [:] }
        var values: [Int: String] = [:]
        for product in try await client.read("product.product", ids: ids.sorted(), fields: [field]).map({ OdooRecord(model: "product.product", values: $0) }) {
            guard let id = product.id else { continue }
            values[id] = product.optionalMany2one(field)?.name ?? product.optionalString(field)
        }
        return values
    }

    private func vendorsByID(_ ids: Set<Int>) async throws -> [Int: BillVendor] {
        guard !ids.isEmpty else { return [:] }
        var vendors: [Int: BillVendor] = [:]
        for partner in try await client.read("res.partner", ids: ids.sorted(), fields: ["name", "vat"]).map({ OdooRecord(model: "res.partner", values: $0) }) {
            guard let id = partner.id else { continue }
            vendors[id] = BillVendor(partnerID: id, name: partner.optionalString("name"), taxID: partner.optionalString("vat"))
        }
        return vendors
    }
}

/// Vendor bills as read for the purchase-order match, with the order lines they bill.
public struct PurchaseBills: Sendable {
    public var bills: [VendorBill]
    public var orderLines: [Int: BilledOrderLine]
}
