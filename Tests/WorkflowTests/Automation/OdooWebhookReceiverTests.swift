@testable import Automation
import CloseStore
import DemoCompany
import Foundation
import Ledger
import Testing

/// Odoo's "Send Webhook Notification" calls: refused ones change nothing, accepted bursts refresh once.
@Suite struct OdooWebhookReceiverTests {
    static let secret = "odoo-hook-secret-7f3a"
    static let receiver = OdooWebhookReceiver(secret: WebhookSecret(secret))
    /// As Odoo 18's `_run_action_webhook` writes it: json.dumps(sort_keys=True), selected fields read with load=None.
    static let odooBody = Array(#"{"_action": "Notify Closer(#12)", "_id": 42, "_model": "account.move", "company_id": 1, "name": "INV/2026/00042", "partner_id": false}"#.utf8)
    static let asOf = LocalDate(iso: "2026-11-04")!

    @Test func odoosPayloadWithTheTokenInTheURLOrTheHeaderIsAccepted() throws {
        let touch = try Self.receiver.receive(headers: [:], query: ["token": Self.secret], body: Self.odooBody)
        #expect(touch == OdooWebhookTouch(model: "account.move", recordID: 42, action: "Notify Closer(#12)", companyID: 1))
        let viaHeader = try Self.receiver.receive(headers: ["x-closer-webhook-secret": Self.secret], query: [:],
                                                  body: Array(#"{"_model": "account.bank.statement.line", "_id": 7, "company_id": false}"#.utf8))
        #expect(viaHeader.model == "account.bank.statement.line" && viaHeader.recordID == 7 && viaHeader.companyID == nil)
    }

    static let refusals: [(query: [String: String], body: String, code: String, status: Int)] = [
        ([:], #"{"_model": "account.move", "_id": 1}"#, "missing-secret", 401),
        (["token": "odoo-hook-secret-7f3b"], #"{"_model": "account.move", "_id": 1}"#, "wrong-secret", 401),
        (["token": secret], "not json", "malformed-payload", 400),
        (["token": secret], #"[{"_model": "account.move", "_id": 1}]"#, "malformed-payload", 400),
        (["token": secret], #"{"_id": 1}"#, "malformed-payload", 400),
        (["token": secret], #"{"_model": "account.move", "_id": "1"}"#, "malformed-payload", 400),
        (["token": secret], #"{"_model": "hr.employee", "_id": 1}"#, "unsupported-model", 422),
    ]

    @Test(arguments: refusals.indices)
    func aForgedOrMalformedWebhookIsRefusedWithItsStatus(_ index: Int) {
        let (query, body, code, status) = Self.refusals[index]
        do {
            _ = try Self.receiver.receive(headers: [:], query: query, body: Array(body.utf8))
            Issue.record("accepted \(body)")
        } catch {
            #expect(error.code == code && error.httpStatus == status)
            #expect(!error.description.contains(Self.secret) && !error.description.contains("7f3b"))
        }
    }

    @Test func aRefusedWebhookChangesNothingInTheStoreAndAnAcceptedBurstRefreshesOnce() async throws {
        let path = StoreContents.temporaryStorePath()
        let (store, key, period, _) = try await ClosedDemo.make(asOf: Self.asOf, store: try AppDatabase.openOrCreate(at: path))
        let book = DemoCompany.generate(DemoOptions(targetLines: 3_000))
        let locks = CompanyRunLock()
        let refresh = IncrementalRefreshService(store: store, actor: "odoo-webhook", locks: locks, sources: { _ in DemoLedgerSource(book: book) },
                                                coalescing: .milliseconds(300), periods: { _ in [period] }, today: { Self.asOf })
        let before = try StoreContents.dump(path: path)
        for (query, body, code, _) in Self.refusals {
            await #expect(throws: OdooWebhookError.self, "\(code)") {
                try await refresh.accept(headers: [:], query: query, body: Array(body.utf8), sourceKey: key, receiver: Self.receiver)
            }
        }
        try await Task.sleep(for: .milliseconds(500))
        await refresh.idle()
        #expect(await refresh.outcomes.isEmpty)
        let after = try StoreContents.dump(path: path)
        #expect(after == before, "changed: \(Set(after).symmetricDifference(before).sorted())")

        // Posting an invoice fires the rule for the move and its lines: one refresh answers the burst.
        await locks.acquire(key)
        for model in ["account.move", "account.move.line", "account.move.line"] {
            let body = Array(#"{"_model": "\#(model)", "_id": 42}"#.utf8)
            try await refresh.accept(headers: [:], query: ["token": Self.secret], body: body, sourceKey: key, receiver: Self.receiver)
        }
        // While another run of the company holds its lock, the refresh waits.
        try await Task.sleep(for: .milliseconds(600))
        #expect(await refresh.outcomes.isEmpty)
        await locks.release(key)
        await refresh.idle()
        let outcomes = await refresh.outcomes
        #expect(outcomes.count == 1)
        let outcome = try #require(outcomes.first)
        #expect(outcome.requests == 3 && outcome.error == nil && outcome.pullRunID != nil && outcome.checkRunIDs.count == 1)
        #expect(outcome.newFindings == 0)
        #expect(await !locks.isHeld(key))
        #expect(try store.auditEvents().contains { $0.actor == "odoo-webhook" && $0.action == "pull.started" })
    }
}
