@testable import Automation
@testable import CloseSettings
import CloseStore
import CloseWorkflows
import FakeOdoo
import Foundation
import Ledger
import LoopbackHTTP
import OdooRPC
import Payables
import Testing

/// The webhook's intake queue against the in-memory Odoo: a reformatted copy is held at the first look;
/// an entry that is no vendor bill is dropped at once; an id Odoo has not committed is looked for again.
@Suite struct BillIntakeQueueTests {
    @Test func aBillIsCheckedAtOnceANonBillIsDroppedAndAnUncommittedOneIsWaitedFor() async throws {
        let (fake, company) = FakeOdoo.withCompany()
        let server = try LoopbackServer { fake.handle($0) }
        defer { server.stop() }
        let settings = try OdooSettings(resolving: SettingsResolver(flags: [
            .odooURL: server.url.absoluteString, .odooDatabase: FakeOdoo.database, .odooUser: FakeOdoo.adminLogin,
            .odooPassword: FakeOdoo.adminPassword, .odooProtocol: "jsonrpc", .mode: "audit", .odooCompany: String(company.id),
        ], environment: [:], file: nil))
        let store = try AppDatabase.inMemory()
        let queue = BillIntakeQueue(service: BillIntakeService(store: store, settings: settings, rules: PayablesRules(), actor: "closer-agent"),
                                    waits: Array(repeating: .milliseconds(10), count: 4))
        let pair = fake.vendorBillPair(company, cents: 98_765, date: "2026-10-12")
        let invoice = fake.postedInvoice(company, cents: 5_000, date: "2026-10-05").move

        for id in [pair.copy, invoice, 9_999] { await queue.submit(billID: id) }
        await queue.idle()

        let outcomes = Dictionary(uniqueKeysWithValues: await queue.outcomes.map { ($0.billID, $0) })
        #expect(outcomes[pair.copy]?.status == .blocked && outcomes[pair.copy]?.attempts == 1)
        #expect(outcomes[invoice]?.status == nil && outcomes[invoice]?.attempts == 1, "a customer invoice is no bill: dropped at the first look")
        #expect(outcomes[9_999]?.status == nil && outcomes[9_999]?.attempts == 4, "an entry not there yet is looked for at every wait")
        #expect(outcomes.values.allSatisfy { $0.error == nil })
        #expect(try store.billReview(sourceKey: .odoo(url: settings.endpoint.url.absoluteString, database: FakeOdoo.database, companyID: company.id), billID: pair.copy)?.verdict.action == .hold)
    }
}
