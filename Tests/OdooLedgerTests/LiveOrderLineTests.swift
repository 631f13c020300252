import Foundation
@testable import OdooLedger
import OdooRPC
import Testing
import Ledger

/// The order-line read against a real Odoo 18 with purchase and stock: a purchase order of 10 at
/// 12.50, confirmed and 4 received (the receipt validated), reads back as 4 received, 0 billed.
/// Writes into CLOSER_TEST_ODOO_ORDERS_DB, a scratch database (e.g. `createdb -T closerpush_template closerorders`).
@Suite(.enabled(if: LiveOrderDatabase.endpoint != nil, "skipped: no scratch Odoo database (CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_ORDERS_DB)"))
struct LiveOrderLineTests {
    @Test func aPartlyReceivedPurchaseOrderReadsBackExactly() async throws {
        let client = OdooClient(endpoint: try #require(LiveOrderDatabase.endpoint))
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let vendor = try await client.create("res.partner", [["name": .string("Closer orders vendor \(tag)"), "is_company": true]])[0]
        let product = try await client.create("product.product", [["name": .string("Closer bracket \(tag)"), "type": "consu", "is_storable": true,
                                                                   "purchase_method": "receive"]])[0]
        let line: RPCValue = [0, 0, ["product_id": RPCValue(product), "product_qty": 10, "price_unit": .double(WireNumber(text: "12.5")!)]]
        let order = try await client.create("purchase.order", [["partner_id": RPCValue(vendor), "order_line": [line]]])[0]
        _ = try await client.execute("purchase.order", "button_confirm", [RPCValue([order])], idempotent: false)
        let pickings = try await client.read("purchase.order", ids: [order], fields: ["picking_ids"]).first?["picking_ids"]?.arrayValue?.compactMap(\.int) ?? []
        let moves = try await client.search("stock.move", domain: [["picking_id", "in", RPCValue(pickings)]])
        try await client.write("stock.move", ids: moves, ["quantity": 4])
        // Receive 4 of 10 without the backorder wizard.
        _ = try await client.execute("stock.picking", "button_validate", [RPCValue(pickings)],
                                     ["context": ["skip_backorder": true, "picking_ids_not_to_backorder": RPCValue(pickings)]], idempotent: false)

        let schema = try await OdooSchema.detect(using: client)
        let reader = OdooLedgerReader(client: client, schema: schema, progress: nil)
        let company = try await reader.company(id: 1)
        let (lines, notes) = try await reader.orderLines(companyID: 1, mapping: OdooLedgerMapping(company: company, currencies: [:]))
        #expect(notes.isEmpty, "purchase and sale are installed: \(notes)")
        let read = try #require(lines.first { $0.orderID == order })
        #expect(read.side == .purchase && read.state == .purchase && read.partnerID == vendor)
        #expect(read.quantityOrdered == 10 && read.quantityFulfilled == 4 && read.quantityInvoiced == 0)
        #expect(read.unitPrice == Decimal(string: "12.5")! && read.currencyRate == 1)
        #expect(read.value(of: read.quantityNotInvoiced, in: company.currency) == company.currency.money(5_000))
        print("[live] \(read.orderName): ordered \(read.quantityOrdered), received \(read.quantityFulfilled), billed \(read.quantityInvoiced), "
              + "account \(read.accountID.map(String.init) ?? "none"), \(lines.count) open order lines in the database")
    }
}

/// The scratch database the live order test writes into.
enum LiveOrderDatabase {
    static var endpoint: OdooEndpoint? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["CLOSER_TEST_ODOO_URL"].flatMap(URL.init(string:)), let database = environment["CLOSER_TEST_ODOO_ORDERS_DB"] else {
            print("◇ Live order-line test skipped: set CLOSER_TEST_ODOO_URL and CLOSER_TEST_ODOO_ORDERS_DB (a scratch database it may write to).")
            return nil
        }
        return OdooEndpoint(url: url, database: database, login: environment["CLOSER_TEST_ODOO_USER"] ?? "admin",
                            credential: .password(environment["CLOSER_TEST_ODOO_PASSWORD"] ?? "admin"))
    }
}
