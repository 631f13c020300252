import Foundation
import Ledger
import OdooRPC
public import Payables

extension OdooLedgerReader {
    static let billTypes: RPCValue = ["in_invoice", "in_refund"]
    static let billFields = ["name", "company_id", "partner_id", "commercial_partner_id", "ref", "invoice_date", "move_type", "state",
                             "amount_total", "currency_id", "create_uid"]

    /// The company's vendor bills and refunds with an invoice date in `period` (cancelled ones left out),
    /// with their product lines, their attachments' checksums, and the purchase order lines they bill
    /// (a line Odoo no longer has is simply absent: the match names it).
    func vendorBills(companyID: Int, period: Period, source: SourceKey) async throws -> PurchaseBills {
        try await vendorBills(companyID: companyID, source: source, domain: [
            ["company_id", "=", RPCValue(companyID)], ["move_type", "in", Self.billTypes], ["state", "!=", "cancel"],
            ["invoice_date", ">=", .string(period.start.description)], ["invoice_date", "<=", .string(period.end.description)],
        ])
    }

    /// The company's vendor bills among `ids`, read as for the match; ids of other records are left out.
    func vendorBills(companyID: Int, ids: [Int], source: SourceKey) async throws -> PurchaseBills {
        try await vendorBills(companyID: companyID, source: source, domain: [
            ["company_id", "=", RPCValue(companyID)], ["move_type", "in", Self.billTypes], ["id", "in", RPCValue(ids)],
        ])
    }

    private func vendorBills(companyID: Int, source: SourceKey, domain: [RPCValue]) async throws -> PurchaseBills {
        let moves = try await records("account.move", domain: domain, fields: Self.billFields)
        guard !moves.isEmpty else { return PurchaseBills(bills: [], orderLines: [:]) }
        let moveIDs = try moves.map { try $0.int("id") }
        async let productLines = records("account.move.line", domain: [["move_id", "in", RPCValue(moveIDs)], ["display_type", "=", "product"]],
                                         fields: ["move_id", "name", "quantity", "price_unit", "discount", "purchase_line_id", "product_id"])
        let company = try await company(id: companyID)
        let currencies = try await billCurrencies(moves, home: company.currency)
        let lines = try await productLines
        let categories = try await productValues(Set(lines.compactMap { $0.optionalMany2one("product_id")?.id }), field: "categ_id")
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
        let bills = try await vendorBills(moves, currencies: currencies) { _ in source }.map { bill in
            var bill = bill
            bill.lines = linesByMove[bill.id] ?? []
            return bill
        }
        return PurchaseBills(bills: bills, orderLines: orderLines)
    }

    /// The bills of every company of the database that one of `bills` could be a duplicate of: the same
    /// vendor's, any vendor's of the same total (both of the last two years), and those carrying one of the same files.
    /// Headers and attachments only; each company's bills under the key `sourceOf` gives it.
    func duplicateCandidates(of bills: [VendorBill], sourceOf: (Int) -> SourceKey) async throws -> [VendorBill] {
        guard !bills.isEmpty else { return [] }
        let vendors = Set(bills.map(\.vendor.partnerID).filter { $0 > 0 })
        let checksums = Set(bills.flatMap(\.attachmentChecksums))
        // Two years back from the earliest bill: a copy keyed later than that is past any payment run.
        let since = (bills.compactMap(\.invoiceDate).min() ?? .todayUTC()).adding(days: -730)
        let open: [RPCValue] = [["move_type", "in", Self.billTypes], ["state", "!=", "cancel"],
                                "|", ["invoice_date", "=", false], ["invoice_date", ">=", .string(since.description)]]
        // Totals as decimal text: PostgreSQL compares them exactly with the stored numeric.
        async let sameTotal = client.search("account.move", domain: open + [["amount_total", "in", .array(Set(bills.map(\.total.decimalText)).sorted().map(RPCValue.string))]])
        async let sameVendor = vendors.isEmpty ? [] : client.search("account.move", domain: open + [["commercial_partner_id", "in", RPCValue(vendors.sorted())]])
        async let sameFile = checksums.isEmpty || !schema.hasModel("ir.attachment") ? [] : records(
            "ir.attachment", domain: [["res_model", "=", "account.move"], ["checksum", "in", RPCValue(checksums.sorted())]], fields: ["res_id"])
        var ids = Set(try await sameTotal).union(try await sameVendor)
        ids.formUnion(try await sameFile.compactMap { try? $0.int("res_id") })
        ids.subtract(bills.map(\.id))
        guard !ids.isEmpty else { return [] }
        let moves = try await records("account.move", domain: [["id", "in", RPCValue(ids.sorted())], ["move_type", "in", Self.billTypes],
                                                               ["state", "!=", "cancel"]], fields: Self.billFields)
        let home = try await company(id: try moves.first.map { try $0.many2oneID("company_id") } ?? bills[0].companyID).currency
        return try await vendorBills(moves, currencies: try await billCurrencies(moves, home: home), sourceOf: sourceOf)
    }

    /// Bills from their account.move records, with their vendors and attachments' checksums but no lines.
    /// The four reads are independent and go to Odoo together: intake answers a webhook against the clock.
    private func vendorBills(_ moves: [OdooRecord], currencies: [Int: Currency], sourceOf: (Int) -> SourceKey) async throws -> [VendorBill] {
        let moveIDs = try moves.map { try $0.int("id") }
        let vendorIDs = Set(moves.compactMap { ($0.optionalMany2one("commercial_partner_id") ?? $0.optionalMany2one("partner_id"))?.id })
        let creatorIDs = Set(moves.compactMap { $0.optionalMany2one("create_uid")?.id })
        async let vendors = vendorsByID(vendorIDs)
        async let checksums = attachmentChecksums(moveIDs)
        async let orders = purchaseOrders(moveIDs)
        async let logins = client.logins(creatorIDs)
        let (vendorsByID, checksumsByMove, ordersByMove, loginsByUser) = try await (vendors, checksums, orders, logins)
        return try moves.map { move -> VendorBill in
            let id = try move.int("id")
            let companyID = try move.many2oneID("company_id")
            // A draft without a vendor yet is still checked; it matches no other vendor's bills.
            let vendor = move.optionalMany2one("commercial_partner_id") ?? move.optionalMany2one("partner_id") ?? (id: 0, name: "no vendor yet")
            guard let currency = currencies[try move.many2oneID("currency_id")] else { throw move.fail("currency_id", "a currency that cannot be read") }
            return VendorBill(source: sourceOf(companyID), id: id, name: move.optionalString("name") ?? "draft bill \(id)", companyID: companyID,
                              vendor: vendorsByID[vendor.id] ?? BillVendor(partnerID: vendor.id, name: vendor.name), reference: move.optionalString("ref"),
                              invoiceDate: move.optionalDate("invoice_date"), isRefund: try move.string("move_type") == "in_refund",
                              state: MoveState(rawValue: try move.string("state")), total: try move.money("amount_total", in: currency),
                              attachmentChecksums: checksumsByMove[id] ?? [], purchaseOrderIDs: ordersByMove[id] ?? [],
                              preparerLogin: move.optionalMany2one("create_uid").flatMap { loginsByUser[$0.id] })
        }.sorted { $0.id < $1.id }
    }

    /// The SHA-1 checksums of each bill's attachments. A file that cannot be read has none: it simply gives no signal.
    private func attachmentChecksums(_ moveIDs: [Int]) async throws -> [Int: Set<String>] {
        guard schema.hasModel("ir.attachment") else { return [:] }
        var checksums: [Int: Set<String>] = [:]
        for attachment in try await records("ir.attachment", domain: [["res_model", "=", "account.move"], ["res_id", "in", RPCValue(moveIDs)]],
                                            fields: ["res_id", "checksum"]) {
            if let move = try? attachment.int("res_id"), let checksum = attachment.optionalString("checksum") { checksums[move, default: []].insert(checksum) }
        }
        return checksums
    }

    /// The purchase orders each bill's lines bill (none without the purchase app).
    private func purchaseOrders(_ moveIDs: [Int]) async throws -> [Int: Set<Int>] {
        guard schema.has("purchase_order_id", on: "account.move.line") else { return [:] }
        var orders: [Int: Set<Int>] = [:]
        for line in try await records("account.move.line", domain: [["move_id", "in", RPCValue(moveIDs)], ["purchase_line_id", "!=", false]],
                                      fields: ["move_id", "purchase_order_id"]) {
            if let order = line.optionalMany2one("purchase_order_id")?.id { orders[try line.many2oneID("move_id"), default: []].insert(order) }
        }
        return orders
    }

    /// The currencies of these bills by id, an archived one included (Odoo still reads it for the bill).
    private func billCurrencies(_ moves: [OdooRecord], home: Currency) async throws -> [Int: Currency] {
        var currencies = Dictionary(try await self.currencies(including: home).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for currency in try await archivedCurrencies(referencedBy: moves, known: currencies) { currencies[currency.id] = currency }
        return currencies
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
