import Foundation
import Ledger
@testable import OdooLedger
import OdooRPC
import Testing

/// The order-line read against a fake Odoo 18 answering JSON-RPC in-process: what is asked
/// (confirmed orders, something received), what is kept (more received than billed), exact
/// quantities, the product's or its category's account, and a clean skip where sale is not installed.
@Suite struct OrderLineReaderTests {
    static func number(_ text: String) -> RPCValue { .double(WireNumber(text: text)!) }

    /// Odoo's answers, by model and method; every search_read domain is kept for the test to read.
    final class FakeOdoo: HTTPTransport, @unchecked Sendable {
        let lock = NSLock()
        var domains: [String: RPCValue] = [:]

        func post(_ request: HTTPRequest) async throws -> HTTPResponse {
            let call = try OdooWire.decodeJSON(request.body)["params"]
            let args = call?["args"]?.arrayValue ?? []
            let result: RPCValue
            if call?["method"]?.stringValue == "authenticate" {
                result = 2
            } else {
                let model = args[3].stringValue ?? "", method = args[4].stringValue ?? ""
                if method == "search_read" { lock.withLock { domains[model] = args[5].arrayValue?.first } }
                result = answer(model, method)
            }
            return HTTPResponse(status: 200, body: OdooWire.encodeJSON(["jsonrpc": "2.0", "id": 1, "result": result]))
        }

        func answer(_ model: String, _ method: String) -> RPCValue {
            switch (model, method) {
            case ("purchase.order.line", "search_read"):
                return [
                    ["id": 41, "order_id": [7, "P00007"], "product_id": [3, "[FURN_8220] Four Person Desk"], "partner_id": [9, "Wood Corner"],
                     "product_qty": number("12.5"), "qty_received": number("7.5"), "qty_invoiced": number("2.5"),
                     "price_unit": number("2350.57"), "discount": number("0.0"), "currency_id": [1, "USD"], "state": "purchase"],
                    ["id": 42, "order_id": [7, "P00007"], "product_id": [4, "Desk Pad"], "partner_id": [9, "Wood Corner"],
                     "product_qty": number("3.0"), "qty_received": number("3.0"), "qty_invoiced": number("3.0"),
                     "price_unit": number("9.9"), "discount": false, "currency_id": [1, "USD"], "state": "purchase"],
                    ["id": 43, "order_id": [8, "P00008"], "product_id": [4, "Desk Pad"], "partner_id": [9, "Wood Corner"],
                     "product_qty": 5, "qty_received": 5, "qty_invoiced": 0,
                     "price_unit": number("9.9"), "discount": number("12.5"), "currency_id": [2, "EUR"], "state": "done"],
                ]
            case ("purchase.order", "read"):
                return [["id": 7, "name": "P00007", "date_order": "2026-10-05 09:30:00", "currency_rate": number("1.0")],
                        ["id": 8, "name": "P00008", "date_order": "2026-09-30 23:10:00", "currency_rate": number("0.913742")]]
            case ("product.product", "read"):
                return [["id": 3, "categ_id": [1, "All"], "property_account_expense_id": [40, "110100 Stock"]],
                        ["id": 4, "categ_id": [1, "All"], "property_account_expense_id": false]]
            case ("product.category", "read"):
                return [["id": 1, "property_account_expense_categ_id": [41, "500000 Cost of Goods Sold"]]]
            default:
                return []
            }
        }
    }

    @Test func readsConfirmedLinesWithMoreReceivedThanBilledExactly() async throws {
        let fake = FakeOdoo()
        let endpoint = OdooEndpoint(url: URL(string: "http://odoo.test")!, database: "test", login: "admin", credential: .password("admin"),
                                    rpcProtocol: .jsonrpc)
        let client = OdooClient(endpoint: endpoint, options: OdooClientOptions(maxConcurrentCalls: 1), transport: fake)
        let lineFields: Set = ["order_id", "product_id", "name", "partner_id", "product_qty", "qty_received", "qty_invoiced", "price_unit",
                               "discount", "currency_id", "state", "display_type", "company_id"]
        let schema = OdooSchema(version: OdooServerVersion(serverVersion: "18.0", major: 18, minor: 0, serie: "18.0", isSaaS: false),
                                fieldsByModel: ["purchase.order.line": lineFields, "purchase.order": ["name", "date_order", "currency_rate"],
                                                "product.product": ["categ_id", "property_account_expense_id"],
                                                "product.category": ["property_account_expense_categ_id"]])
        let usd = Currency(id: 1, code: .usd)
        let mapping = OdooLedgerMapping(company: Company(id: 1, name: "Test", currency: usd), currencies: [1: usd])
        let reader = OdooLedgerReader(client: client, schema: schema, progress: nil)

        let (lines, notes) = try await reader.orderLines(companyID: 1, mapping: mapping)

        #expect(lines.map(\.id) == [41, 43], "the fully billed line 42 is left out")
        let desk = try #require(lines.first)
        #expect(desk.side == .purchase && desk.orderName == "P00007" && desk.partnerID == 9 && desk.state == .purchase)
        #expect(desk.quantityOrdered == Decimal(string: "12.5")! && desk.quantityFulfilled == Decimal(string: "7.5")!)
        #expect(desk.quantityInvoiced == Decimal(string: "2.5")! && desk.unitPrice == Decimal(string: "2350.57")!)
        #expect(desk.accountID == 40 && desk.currencyRate == 1 && desk.orderDate == LocalDate(iso: "2026-10-05")!)
        #expect(desk.value(of: desk.quantityNotInvoiced, in: usd) == usd.money(1_175_285))
        let pad = try #require(lines.last)
        #expect(pad.accountID == 41, "no account on the product: its category's")
        #expect(pad.currencyID == 2 && pad.currencyRate == Decimal(string: "0.913742")! && pad.discountPercent == Decimal(string: "12.5")!)
        #expect(pad.state == .done && pad.quantityNotInvoiced == 5)

        let domain = "\(try #require(fake.lock.withLock { fake.domains["purchase.order.line"] }))"
        #expect(domain.contains("state") && domain.contains("purchase") && domain.contains("done"))
        #expect(domain.contains("qty_received") && domain.contains("order_id.invoice_status"))
        #expect(notes.count == 1 && notes[0].contains("sale.order.line is not in this database"))
        #expect(fake.lock.withLock { fake.domains["sale.order.line"] } == nil, "sale is not installed: not asked")
    }
}
