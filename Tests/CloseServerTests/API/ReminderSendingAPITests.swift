import CloseServer
import CloseSettings
import CloseStore
import FakeOdoo
import Foundation
import Governance
import Ledger
import LoopbackHTTP
import Logging
import OdooRPC
import Receivables
import Testing

/// An email reminder approved over the API against the fake Odoo the ledger came from: refused with a sentence while
/// the customer has no email address, then sent once from the customer's chatter; in audit mode approved and nothing written.
@Suite struct ReminderSendingAPITests {
    /// The fake Odoo on a loopback port, a store holding one drafted level-1 email reminder for its customer's two
    /// overdue invoices, and a server configured with that Odoo in `mode`.
    struct World {
        var fake: FakeOdoo
        var odoo: LoopbackServer
        var direct: OdooClient
        var store: AppDatabase
        var reminder: CollectionReminder
        var tokens: [String: String]
        var server: TestServer

        func stop() {
            server.stop()
            odoo.stop()
        }
    }

    static func world(mode: String) async throws -> World {
        let (fake, records) = FakeOdoo.withCompany()
        let odoo = try LoopbackServer { fake.handle($0) }
        let settings = try OdooSettings(resolving: SettingsResolver(flags: [
            .odooURL: odoo.url.absoluteString, .odooDatabase: FakeOdoo.database, .odooUser: FakeOdoo.adminLogin, .odooPassword: FakeOdoo.adminPassword,
            .odooProtocol: "jsonrpc", .mode: mode, .odooCompany: String(records.id),
        ], environment: [:], file: nil))
        let key: SourceKey = .odoo(url: odoo.url.absoluteString, database: FakeOdoo.database, companyID: records.id)
        let usd = CurrencyCode("USD")!
        let open = (1...2).map { index -> CustomerInvoice in
            let move = fake.postedInvoice(records, cents: 45_600 * index, date: "2026-10-05").move
            let due = LocalDate(iso: "2026-10-05")!
            let amount = Money(minorUnits: Int64(45_600 * index), currency: usd)
            return CustomerInvoice(id: move, name: "INV/\(move)", customerID: records.customerID, customerName: "Customer One",
                                   invoiceDate: due, dueDate: due, total: amount, open: amount)
        }
        let asOf = LocalDate(iso: "2026-10-20")!
        let draft = try #require(ReminderPlanner.plan(open: open, asOf: asOf, rules: ReminderRules(), exclusions: [:]).drafts.first)
        #expect(draft.level.channel == .email && draft.level.signedBy == .collector)
        let store = try AppDatabase.inMemory()
        let reminder = try #require(try store.recordReminderDrafts([(draft, ReminderLetter.text(draft, signedBy: "Accounts Receivable", companyName: "Fake Company"))],
                                                                   sourceKey: key, asOf: asOf, actor: "paul").open.first)
        _ = try store.addUser(login: ServedDemo.admin, name: "Admin", roles: [.admin], odooUserID: nil, actor: ServedDemo.admin)
        _ = try store.addUser(login: "anna", name: "Anna", roles: [.approver], odooUserID: nil, actor: ServedDemo.admin)
        let tokens = ["anna": try store.issueToken(login: "anna", actor: ServedDemo.admin).token]
        var quiet = Logger(label: "closer.server.test")
        quiet.logLevel = .critical
        let server = try await TestServer.start(CloserServer(store: store, configuration: ServerConfiguration(host: "127.0.0.1", port: 0, odoo: settings),
                                                             logger: quiet))
        let direct = OdooClient(endpoint: OdooEndpoint(url: odoo.url, database: FakeOdoo.database, login: FakeOdoo.adminLogin,
                                                       credential: .password(FakeOdoo.adminPassword), rpcProtocol: .jsonrpc))
        return World(fake: fake, odoo: odoo, direct: direct, store: store, reminder: reminder, tokens: tokens, server: server)
    }

    @Test func anApprovedEmailReminderIsSentOnceFromTheCustomersChatter() async throws {
        let world = try await Self.world(mode: "supervised")
        defer { world.stop() }
        let path = "/api/v1/collections/reminders/\(world.reminder.id)/approve"
        let noEmail = try await world.server.post(path, token: world.tokens["anna"], json: "{}")
        #expect(noEmail.status == 422 && noEmail.text.contains("Customer One has no email address in Odoo"), "\(noEmail.text)")
        #expect(try world.store.reminder(id: world.reminder.id).status == .drafted && !world.fake.performedWrites.contains("res.partner.message_post"))

        try await world.direct.write("res.partner", ids: [world.reminder.draft.customerID], ["email": "accounts@customer.example"])
        let sent = try await world.server.post(path, token: world.tokens["anna"], json: #"{"note":"called them first"}"#)
        #expect(sent.status == 200, "\(sent.text)")
        let body = try sent.json()
        #expect(body["status"] as? String == "sent" && body["odooMessageID"] is Int)
        let marker = "[closer:reminder:\(world.reminder.id)]"
        let messages = try await world.direct.search("mail.message", domain: [["model", "=", "res.partner"], ["body", "ilike", .string(marker)]])
        #expect(messages.count == 1 && messages.first == body["odooMessageID"] as? Int)
        let again = try await world.server.post(path, token: world.tokens["anna"], json: "{}")
        #expect(again.status == 409 && world.fake.performedWrites.filter { $0 == "res.partner.message_post" }.count == 1, "\(again.text)")
    }

    @Test func inAuditModeTheApprovalIsRecordedAndNothingIsWritten() async throws {
        let world = try await Self.world(mode: "audit")
        defer { world.stop() }
        let approved = try await world.server.post("/api/v1/collections/reminders/\(world.reminder.id)/approve", token: world.tokens["anna"], json: "{}")
        #expect(try approved.status == 200 && approved.json()["status"] as? String == "approved", "\(approved.text)")
        #expect(world.fake.performedWrites.isEmpty)
        #expect(try world.store.reminder(id: world.reminder.id).decision?.by == "anna")
    }
}
