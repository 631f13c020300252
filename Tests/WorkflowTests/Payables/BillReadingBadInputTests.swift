import FakeOdoo
import Foundation
import Ledger
import LoopbackHTTP
import OdooLedger
import OdooRPC
import Payables
import Testing

/// The bar's bad input as Odoo serves it, read through the real reader from the in-memory Odoo: a bill
/// without lines from a vendor without a name, in a currency the company no longer uses (archived),
/// with an attachment whose file cannot be read (no checksum), billing an order line Odoo no longer
/// has. Each is read without a crash, keeps its own currency, and ends as a finding that says what to do.
@Suite struct BillReadingBadInputTests {
    let fake: FakeOdoo
    let server: LoopbackServer
    let source: OdooLedgerSource
    let euro: Int
    let nameless: Int

    init() throws {
        let (fake, _) = FakeOdoo.withCompany()
        self.fake = fake
        server = try LoopbackServer { fake.handle($0) }
        let endpoint = OdooEndpoint(url: server.url, database: FakeOdoo.database, login: FakeOdoo.adminLogin,
                                    credential: .password(FakeOdoo.adminPassword), rpcProtocol: .jsonrpc)
        source = OdooLedgerSource(client: OdooClient(endpoint: endpoint), endpoint: endpoint)
        euro = fake.insert("res.currency", ["name": "EUR", "decimal_places": 2, "active": false])
        nameless = fake.insert("res.partner", ["name": false, "type": "invoice"])
        fake.insert("ir.model", ["model": "ir.attachment", "name": "Attachment"])
        // Models the pull reads that the fake serves only once they hold a record (another company's here).
        fake.insert("res.partner.bank", ["partner_id": 99, "acc_number": "NL00BANK0000000000"])
        fake.insert("account.tax", ["name": "Other company's tax", "company_id": 99])
        fake.insert("ir.attachment", ["res_model": "res.partner", "res_id": 99, "checksum": "da39a3ee5e6b4b0d3255bfef95601890afd80709"])
    }

    /// A vendor bill as Odoo 18 stores it; many2one fields the fake does not relate are given as Odoo reads them.
    @discardableResult
    func bill(_ reference: String, total: String, lines: [(label: String, orderLine: Int?)]) -> Int {
        let move = fake.insert("account.move", [
            "move_type": "in_invoice", "state": "posted", "name": .string("BILL/\(reference)"), "ref": .string(reference), "date": "2026-10-05",
            "invoice_date": "2026-10-05", "company_id": 1, "journal_id": 2, "partner_id": RPCValue(nameless),
            "currency_id": RPCValue(euro), "amount_total": .double(WireNumber(text: total)!), "create_uid": RPCValue(FakeOdoo.adminUID),
            // In the company's currency, negative for a bill (Odoo's *_signed fields): unconverted, as no rate is known.
            "amount_total_signed": .double(WireNumber(text: "-" + total)!), "amount_residual_signed": .double(WireNumber(text: "-" + total)!),
            "payment_state": "not_paid", "create_date": "2026-10-05 09:00:00", "write_date": "2026-10-05 09:00:00", "write_uid": RPCValue(FakeOdoo.adminUID),
        ])
        for line in lines {
            fake.insert("account.move.line", [
                "move_id": RPCValue(move), "display_type": "product", "name": .string(line.label), "quantity": 1, "price_unit": .double(WireNumber(text: total)!),
                "discount": 0, "purchase_line_id": line.orderLine.map { [RPCValue($0), "P00001 - widget"] } ?? false, "company_id": 1, "account_id": 5,
                "partner_id": RPCValue(nameless), "date": "2026-10-05", "balance": 0, "debit": 0, "credit": 0, "amount_currency": 0, "amount_residual": 0, "reconciled": false, "write_date": "2026-10-05 09:00:00",
            ])
        }
        return move
    }

    @Test func eachBadBillIsReadAndEndsAsAFindingThatSaysWhatToDo() async throws {
        let empty = bill("INV-7", total: "0.00", lines: [])
        let orphan = bill("INV-8", total: "75.00", lines: [("widget", 9_999)])
        fake.insert("ir.attachment", ["res_model": "account.move", "res_id": RPCValue(orphan), "checksum": false, "type": "url"])
        defer { server.stop() }

        let read = try await source.vendorBills(in: try Period(year: 2026, month: 10))
        #expect(read.bills.map(\.id) == [empty, orphan])
        #expect(read.bills.allSatisfy { $0.total.currency == CurrencyCode("EUR")! }, "the archived currency is the bill's: \(read.bills.map(\.total))")
        #expect(read.bills.allSatisfy { $0.vendor.displayName == "vendor \(nameless)" && $0.attachmentChecksums.isEmpty })
        let matcher = PurchaseOrderMatcher()
        let results = read.bills.map { matcher.match($0, orderLines: read.orderLines) }
        #expect(results.map { $0.exceptions.map(\.kind) } == [[.noLines], [.orderLineMissing]])
        for exception in results.flatMap(\.exceptions) {
            #expect(exception.message.contains("vendor \(nameless)") && !exception.fix.isEmpty, "\(exception.message)")
        }
        #expect(results[1].exceptions.first?.message.contains("9999") == true)
        #expect(fake.performedWrites.isEmpty, "reading writes nothing")
    }

    @Test func aPullKeepsABillsArchivedCurrencyInsteadOfReadingItAsTheCompanys() async throws {
        bill("INV-9", total: "120.00", lines: [("service", nil)])
        defer { server.stop() }
        let window = DateRange(LocalDate(iso: "2026-10-01")!, LocalDate(iso: "2026-10-31")!)
        let pulled = try await source.pull(PullRequest(window: window), progress: nil)
        let bills = VendorBill.bills(in: pulled.snapshot, source: source.sourceKey(companyID: 1))
        #expect(bills.map(\.total) == [try Money(parsing: "120.00", currency: CurrencyCode("EUR")!, scale: 2)])
        #expect(pulled.snapshot.currencies.contains { $0.code == CurrencyCode("EUR")! })
    }
}
