import Foundation
import Testing
import Governance
import CloseStore

/// Every refusal the issue names — unauthenticated, wrong role, oversized, malformed — answers with
/// the right status and a JSON error, and leaves the store exactly as it was.
@Suite("API refusals change nothing")
struct APIRefusalTests {
    @Test func refusalsAnswerWithTheirStatusAndLeaveTheStoreAlone() async throws {
        let demo = try await ServedDemo.make()
        let server = try await TestServer.start(demo.server(maxRequestBytes: 4096))
        defer { server.stop() }
        let waiting = try #require(try demo.store.adjustments(sourceKey: demo.source, statuses: [.proposed]).first)
        let approve = "/api/v1/proposals/\(waiting.id)/approve"
        let before = try demo.state()

        let cases: [(String, TestServer.Reply, Int, String)] = [
            ("no token", try await server.post(approve, json: "{}"), 401, "unauthenticated"),
            ("unknown token", try await server.post(approve, token: "clt_forged", json: "{}"), 401, "unauthenticated"),
            ("no token, read", try await server.send("GET", "/api/v1/findings"), 401, "unauthenticated"),
            ("viewer approves", try await server.post(approve, token: demo.tokens["vera"], json: "{}"), 403, "forbidden"),
            ("preparer approves", try await server.post(approve, token: demo.tokens["paul"], json: "{}"), 403, "forbidden"),
            ("malformed JSON", try await server.post(approve, token: demo.tokens["anna"], json: "{\"note\": "), 400, "malformed_request"),
            ("wrong type", try await server.post(approve, token: demo.tokens["anna"], json: "{\"note\": 42}"), 400, "malformed_request"),
            ("reject without reason", try await server.post("/api/v1/proposals/\(waiting.id)/reject", token: demo.tokens["anna"], json: "{}"),
             400, "malformed_request"),
            ("oversized", try await server.post(approve, token: demo.tokens["anna"], json: "{\"note\": \"\(String(repeating: "x", count: 5000))\"}"),
             413, "payload_too_large"),
            ("misspelt field", try await server.post("/api/v1/proposals/bulk-approve", token: demo.tokens["carl"],
                                                     json: #"{"minConfidence": 0, "perod": "2026-10"}"#), 400, "malformed_request"),
            ("wrong method", try await server.send("DELETE", approve, token: demo.tokens["anna"]), 405, "method_not_allowed"),
            ("bad parameter", try await server.send("GET", "/api/v1/findings?severity=urgent", token: demo.tokens["vera"]), 400, "invalid_parameter"),
            ("unknown proposal", try await server.post("/api/v1/proposals/999999/approve", token: demo.tokens["anna"], json: "{}"), 404, "not_found"),
            ("no such endpoint", try await server.send("GET", "/api/v1/nothing", token: demo.tokens["anna"]), 404, "not_found"),
        ]
        for (name, reply, status, code) in cases {
            #expect(reply.status == status, "\(name): \(reply.text)")
            #expect(reply.errorCode == code, "\(name): \(reply.text)")
            #expect(reply.headers["x-request-id"]?.isEmpty == false, "\(name) carries a request id")
        }
        #expect(try demo.state() == before, "a refused request changed the store")
        let refusals = try demo.store.auditEvents().filter { $0.outcome == "refused" }.map { "\($0.action) \($0.actor)" }
        #expect(refusals == ["user.token.refused address:127.0.0.1", "access.refused vera", "access.refused paul"],
                "the forged token and the two missing roles are on record: \(refusals)")
    }

    /// Guessing at API tokens from one address: after the free attempts each further one waits longer,
    /// and while it waits even a right token is not looked at (so guessing faster learns nothing).
    @Test func tokenGuessesFromOneAddressAreSlowedDown() async throws {
        let demo = try await ServedDemo.make()
        // A first wait long enough that no test machine is slow enough to outlast it between two requests.
        let server = try await TestServer.start(demo.server(addressThrottle: LoginThrottle(firstWait: 600)))
        defer { server.stop() }
        var statuses: [Int] = []
        for guess in 1...7 { statuses.append(try await server.send("GET", "/api/v1/runs", token: "clt_guess\(guess)").status) }
        #expect(statuses == [401, 401, 401, 401, 401, 429, 429], "five free guesses, then a wait: \(statuses)")
        let throttled = try await server.send("GET", "/api/v1/runs", token: demo.tokens["vera"])
        #expect(throttled.status == 429 && throttled.errorCode == "throttled", "\(throttled.text)")
        #expect(Int(throttled.headers["retry-after"] ?? "") ?? 0 >= 1)
        let recorded = try demo.store.auditEvents().filter { $0.action == "user.token.refused" }
        #expect(recorded.count == 5, "only the guesses that were checked are recorded")
        #expect(recorded.allSatisfy { !$0.payload.contains("clt_guess") }, "no guessed token in the audit trail")
    }

    @Test func thePolicyRefusesTheProposalsOwnPreparerAndSaysWhy() async throws {
        let demo = try await ServedDemo.make()
        // The demo's proposals were drafted by "preparer"; give that person the approver role too.
        _ = try demo.store.addUser(login: ServedDemo.preparer, name: "Pat Preparer", roles: [.preparer, .approver], odooUserID: nil,
                                   actor: ServedDemo.admin)
        let token = try demo.store.issueToken(login: ServedDemo.preparer, actor: ServedDemo.admin).token
        try await TestServer.inProcess(demo.server()) { server in
            let waiting = try #require(try demo.store.adjustments(sourceKey: demo.source, statuses: [.proposed]).first)
            #expect(waiting.preparedBy == ServedDemo.preparer)
            let before = try demo.state()

            let own = try await server.post("/api/v1/proposals/\(waiting.id)/approve", token: token, json: "{}")

            #expect(own.status == 403)
            #expect(own.errorCode == "policy_refused")
            #expect(own.text.contains("separation of duties"), "the refusal names the rule: \(own.text)")
            #expect(try demo.state() == before)
        }
    }
}
