import Automation
import Foundation
import Governance
import Ledger
import Testing
import CloseStore

/// Odoo's "Send Webhook Notification" reaching the server: refused without the shared secret (and
/// nothing changes), accepted with it, and then the company is pulled and checked by the agent.
@Suite("Odoo webhooks through the server")
struct OdooWebhookRouteTests {
    static let secret = "hook-secret-4b1d"

    static func automation() throws -> AutomationConfig {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("closer-automation-\(UUID().uuidString).yaml").path
        try "webhooks:\n  inbound:\n    secret_env: TEST_HOOK_SECRET\n    coalesce_seconds: 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try #require(try AutomationConfig.load(path: path, environment: ["TEST_HOOK_SECRET": secret]))
    }

    @Test func forgedOrMalformedWebhooksAreRefusedAndChangeNothing() async throws {
        let demo = try await ServedDemo.make()
        let server = try await TestServer.start(demo.server(maxRequestBytes: 2048, automation: try Self.automation()))
        defer { server.stop() }
        let before = try demo.state()
        let touch = #"{"_id": 42, "_model": "account.move", "company_id": 1}"#
        let cases: [(String, TestServer.Reply, Int, String)] = [
            ("no secret", try await server.post("/webhooks/odoo", json: touch), 401, "missing_secret"),
            ("forged secret", try await server.post("/webhooks/odoo?token=guess", json: touch), 401, "wrong_secret"),
            ("forged header", try await server.send("POST", "/webhooks/odoo", body: Data(touch.utf8), headers: ["X-Closer-Webhook-Secret": "guess"]),
             401, "wrong_secret"),
            ("malformed", try await server.post("/webhooks/odoo?token=\(Self.secret)", json: "{\"_id\": "), 400, "malformed_payload"),
            ("model Closer does not read", try await server.post("/webhooks/odoo?token=\(Self.secret)", json: #"{"_id": 1, "_model": "hr.employee"}"#),
             422, "unsupported_model"),
            ("oversized", try await server.post("/webhooks/odoo?token=\(Self.secret)", json: String(repeating: " ", count: 4096) + touch),
             413, "payload_too_large"),
        ]
        for (name, reply, status, code) in cases {
            #expect(reply.status == status, "\(name): \(reply.text)")
            #expect(reply.errorCode == code, "\(name): \(reply.text)")
            #expect(!reply.text.contains(Self.secret), "\(name) does not echo the secret")
        }
        try await Task.sleep(for: .seconds(2))   // past the coalescing time: a refused webhook queued nothing
        #expect(try demo.state() == before)
    }

    @Test func anAcceptedWebhookPullsAndChecksTheCompanyAsTheAgent() async throws {
        let demo = try await ServedDemo.make()
        let server = try await TestServer.start(demo.server(automation: try Self.automation()))
        defer { server.stop() }
        let lastEvent = try #require(try demo.store.auditEvents().last).seq

        let reply = try await server.post("/webhooks/odoo?token=\(Self.secret)", json: #"{"_id": 42, "_model": "account.move"}"#)

        #expect(reply.status == 202, "\(reply.text)")
        #expect(try reply.json()["source"] as? String == demo.source.text)
        var actions: [String] = []
        for _ in 0..<100 where !actions.contains("checks.recorded") {
            try await Task.sleep(for: .milliseconds(200))
            actions = try demo.store.auditEvents(from: lastEvent + 1).filter { $0.actor == CloserUser.agentLogin }.map(\.action)
        }
        #expect(actions.contains("pull.started"))
        #expect(actions.contains("checks.recorded"), "\(actions)")
    }
}
