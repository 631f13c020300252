import CloseDemo
import DemoCompany
import FakeOdoo
import Foundation
import Ledger
import LoopbackHTTP
import OdooRPC
import Testing

/// A database without Odoo's purchase and stock apps: the push says so plainly, in one warning, writes
/// nothing of the purchasing, and pushes the rest as before.
@Suite struct DemoPushWithoutPurchaseTests {
    @Test func thePushSaysTheAppsAreMissingAndWritesNoOrder() async throws {
        let (fake, _) = FakeOdoo.withCompany()
        fake.insert("ir.module.module", ["name": "account", "state": "installed"])
        fake.insert("ir.module.module", ["name": "stock", "state": "installed"])
        fake.insert("ir.module.module", ["name": "purchase", "state": "uninstalled"])
        let server = try LoopbackServer { fake.handle($0) }
        defer { server.stop() }
        let client = OdooClient(endpoint: OdooEndpoint(url: server.url, database: FakeOdoo.database, login: FakeOdoo.adminLogin,
                                                       credential: .password(FakeOdoo.adminPassword), rpcProtocol: .jsonrpc))
        let book = DemoCompany.generate()
        var company = book.snapshot.company
        company.name = "Fake Company"
        company.lockDates = LockDates()
        let snapshot = LedgerSnapshot(company: company, currencies: [company.currency], partners: Array(book.snapshot.partners.prefix(3)),
                                      orderLines: book.snapshot.orderLines)
        let report = try await OdooLedgerImporter(client: client).importLedger(snapshot, purchasing: book.purchasing)
        let missing = report.warnings.filter { $0.contains("lacks Odoo's Purchase and Inventory apps") }
        #expect(missing.count == 1, "\(report.warnings)")
        #expect(missing.first?.contains("\(book.purchasing.bills.count) bills") == true)
        #expect(report.created["res.partner"] == 3, "the rest is pushed as before")
        #expect(!fake.performedWrites.contains { $0.hasPrefix("purchase.") || $0.hasPrefix("product.") || $0.hasPrefix("stock.") },
                "\(fake.performedWrites)")
    }
}
