import Foundation
import Ledger
import OdooLedger
import OdooRPC
import Payables
import Testing

/// The purchase-order match against a real Odoo 18 with purchase and stock: an order of 10 brackets
/// billed on receipt, 4 received, then billed in full (10) — the bill is an exception naming 10 billed
/// and 4 received; a second product billed on order and billed ahead of its receipt passes.
/// Writes into CLOSER_TEST_ODOO_ORDERS_DB, a scratch database.
@Suite(.enabled(if: LiveOrderDatabase.endpoint != nil, "skipped: no scratch Odoo database (CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_ORDERS_DB)"))
struct LivePurchaseMatchTests {
    @Test func aLineReceivedInPartAndBilledInFullIsAnExceptionNamingTheQuantities() async throws {
        let endpoint = try #require(LiveOrderDatabase.endpoint)
        let client = OdooClient(endpoint: endpoint)
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let vendor = try await client.create("res.partner", [["name": .string("Closer match vendor \(tag)"), "is_company": true]])[0]
        let order = try await LiveOrderDatabase.partlyReceivedOrder(client, vendor: vendor,
                                                                    products: [("Closer bracket \(tag)", "receive"), ("Closer manual \(tag)", "purchase")])
        let poLines = try await client.read("purchase.order.line", ids: try await client.search("purchase.order.line", domain: [["order_id", "=", RPCValue(order)]]),
                                            fields: ["product_id"])
        let today = LocalDate.todayUTC()
        let billLines: [RPCValue] = poLines.compactMap { line in
            guard let id = line["id"]?.int, let product = line["product_id"]?.many2one?.id else { return nil }
            return [0, 0, ["product_id": RPCValue(product), "quantity": 10, "price_unit": .double(WireNumber(text: "12.5")!), "purchase_line_id": RPCValue(id)]]
        }
        let bill = try await client.create("account.move", [["move_type": "in_invoice", "partner_id": RPCValue(vendor), "ref": .string("M-\(tag)"),
                                                             "invoice_date": .string(today.description), "invoice_line_ids": .array(billLines)]])[0]

        let read = try await OdooLedgerSource(client: client, endpoint: endpoint).vendorBills(in: Period(containing: today))
        let ours = try #require(read.bills.first { $0.id == bill })
        #expect(ours.lines.count == 2 && ours.purchaseOrderIDs == [order] && ours.vendor.name == "Closer match vendor \(tag)")
        let result = PurchaseOrderMatcher().match(ours, orderLines: read.orderLines)
        #expect(result.exceptions.map(\.kind) == [.billedOverReceived], "\(result.exceptions.map(\.message))")
        #expect(result.exceptions.first?.message.contains("10 billed, 4 received") == true)
        #expect(result.matchedLines == 1, "the product billed on order may be billed before it arrives")
        print("[live] \(ours.title): \(result.exceptions.map(\.message).joined(separator: " | "))")
    }
}
