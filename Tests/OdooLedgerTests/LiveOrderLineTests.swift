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
        let order = try await LiveOrderDatabase.partlyReceivedOrder(client, vendor: vendor, products: [("Closer bracket \(tag)", "receive")])

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
