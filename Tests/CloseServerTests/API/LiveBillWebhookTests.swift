import Automation
@testable import CloseServer
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Ledger
import OdooRPC
import OdooLedger
import Payables
import Testing

/// Odoo 18's own automation rule ("On save" on vendor bills, "Send Webhook Notification") reaching a
/// running Closer server: a bill keyed again with its reference reformatted is held, noted and blocked
/// in Odoo within 10 seconds of its creation. Runs in CLOSER_TEST_ODOO_ORDERS_DB under a vendor made
/// for the run; the rule is scoped to that vendor and deleted afterwards.
@Suite(.serialized)
struct LiveBillWebhookTests {
    static let secret = "bill-hook-\(UUID().uuidString.prefix(8))"

    @Test func aReformattedCopyIsHeldWithinTenSecondsOfItsCreation() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["CLOSER_TEST_ODOO_URL"], let database = environment["CLOSER_TEST_ODOO_ORDERS_DB"] else {
            print("◇ Live bill webhook skipped: set CLOSER_TEST_ODOO_URL and CLOSER_TEST_ODOO_ORDERS_DB (a scratch database it may write to).")
            return
        }
        let settings = try OdooSettings(resolving: SettingsResolver(flags: [
            .odooURL: url, .odooDatabase: database, .odooUser: environment["CLOSER_TEST_ODOO_USER"] ?? "admin",
            .odooPassword: environment["CLOSER_TEST_ODOO_PASSWORD"] ?? "admin", .mode: "supervised",
        ], environment: [:], file: nil))
        let source = OdooGateway.source(settings)
        let client = source.client
        let sourceKey = source.sourceKey(companyID: try await source.resolvedCompanyID())
        let store = try AppDatabase.inMemory()
        let server = try await TestServer.start(CloserServer(
            store: store, configuration: ServerConfiguration(host: "127.0.0.1", port: 0, odoo: settings), automation: try Self.automation()))
        defer { server.stop() }

        let tag = String(UUID().uuidString.prefix(6))
        let vendor = try await client.create("res.partner", [["name": .string("Webhook Vendor \(tag)"), "supplier_rank": 1]])[0]
        let number = Int.random(in: 10_000...99_999)
        let original = try await Self.bill(client, vendor: vendor, reference: "SI-\(number)/A")
        _ = try await client.execute("account.move", "action_post", [RPCValue([original])], idempotent: false)
        let rule = try await Self.rule(client, vendor: vendor, url: "http://127.0.0.1:\(server.port)/webhooks/odoo?token=\(Self.secret)"
                                       + "&source=\(sourceKey.text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
        let started = ContinuousClock.now
        let copy = try await Self.bill(client, vendor: vendor, reference: "si \(number) a")

        var review: BillReview?
        while ContinuousClock.now - started < .seconds(20) {
            review = try store.billReview(sourceKey: sourceKey, billID: copy)
            if review?.blockedInOdoo == true { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let elapsed = ContinuousClock.now - started
        try await client.unlink("base.automation", ids: [rule.automation])
        try await client.unlink("ir.actions.server", ids: [rule.action])

        let held = try #require(review, "no intake of bill \(copy) within 20 s")
        #expect(held.status == .blocked && held.verdict.action == .hold)
        #expect(held.verdict.duplicates.first?.original.id == original)
        #expect(held.blockedInOdoo)
        #expect(elapsed <= .seconds(10), "held after \(elapsed)")
        let state = try await client.read("account.move", ids: [copy], fields: ["payment_state"]).first?["payment_state"]?.stringValue
        #expect(state == "blocked")
        let notes = try await client.search("mail.message", domain: [["model", "=", "account.move"], ["res_id", "=", RPCValue(copy)],
                                                                    ["body", "ilike", "[closer:payables.duplicate-bill|"]])
        #expect(notes.count == 1)
        print("bill \(copy) held through Odoo's webhook after \(elapsed)")
    }

    static func automation() throws -> AutomationConfig {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("closer-automation-\(UUID().uuidString).yaml").path
        // The refresh the same webhook asks for waits out the test: a first pull of the whole company into an
        // empty store holds the store's writer for longer than intake may take.
        try "webhooks:\n  inbound:\n    secret_env: TEST_BILL_HOOK_SECRET\n    coalesce_seconds: 300\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try #require(try AutomationConfig.load(path: path, environment: ["TEST_BILL_HOOK_SECRET": secret]))
    }

    static func bill(_ client: OdooClient, vendor: Int, reference: String) async throws -> Int {
        try await client.create("account.move", [[
            "move_type": "in_invoice", "partner_id": RPCValue(vendor), "ref": .string(reference), "invoice_date": .string(LocalDate.todayUTC().description),
            "invoice_line_ids": [[0, 0, ["name": "Spare parts", "quantity": 3, "price_unit": .double(WireNumber(text: "415.20")!)]]],
        ]])[0]
    }

    /// An automation rule as an Odoo administrator sets it up: on save of this vendor's bills, send a webhook.
    static func rule(_ client: OdooClient, vendor: Int, url: String) async throws -> (automation: Int, action: Int) {
        let model = try #require(try await client.search("ir.model", domain: [["model", "=", "account.move"]]).first)
        let automation = try await client.create("base.automation", [[
            "name": "Closer intake (test)", "model_id": RPCValue(model), "trigger": "on_create_or_write",
            "filter_domain": .string("[('move_type', '=', 'in_invoice'), ('partner_id', '=', \(vendor))]"),
        ]])[0]
        let action = try await client.create("ir.actions.server", [[
            "name": "Send to Closer", "model_id": RPCValue(model), "state": "webhook", "webhook_url": .string(url),
            "base_automation_id": RPCValue(automation), "usage": "base_automation",
        ]])[0]
        return (automation, action)
    }
}
