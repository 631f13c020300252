import CloseStore
import Foundation
import Receivables
import Testing

/// Credit holds over the API: listed for readers and filtered; approved or rejected only by an approver or
/// controller who did not propose the hold, a rejection with a reason; every refusal changes nothing.
@Suite struct CreditHoldsAPITests {
    static func holds(_ server: TestServer, _ query: String, token: String?) async throws -> [[String: Any]] {
        let reply = try await server.send("GET", "/api/v1/collections/holds\(query)", token: token)
        #expect(reply.status == 200, "\(reply.text)")
        return try #require(try reply.json()["holds"] as? [[String: Any]])
    }

    @Test func readersListOpenHoldsWithTheirReasons() async throws {
        try await ServedDemo.serving { demo, server in
            let seeded = try SeededCreditHolds.seed(demo.store, source: demo.source, proposer: "paul")
            #expect(try await server.send("GET", "/api/v1/collections/holds").status == 401)
            let open = try await Self.holds(server, "", token: demo.tokens["vera"])
            #expect(open.compactMap { $0["id"] as? Int }.map(Int64.init) == [seeded.acme, seeded.bolt])
            #expect(open.first?["status"] as? String == "proposed" && open.first?["partnerName"] as? String == "Acme Retail", "\(open)")
            #expect((open.first?["reasons"] as? [String])?.first?.contains("owes 12,400.00 EUR against a limit of 10,000.00 EUR") == true, "\(open)")
            #expect(try await Self.holds(server, "?status=released", token: demo.tokens["vera"]).isEmpty)
            let bad = try await server.send("GET", "/api/v1/collections/holds?status=stuck", token: demo.tokens["vera"])
            #expect(bad.status == 400 && bad.text.contains("must be open"), "\(bad.text)")
        }
    }

    @Test func onlyAnotherApproverDecidesAndARejectionNeedsAReason() async throws {
        try await ServedDemo.serving { demo, server in
            let seeded = try SeededCreditHolds.seed(demo.store, source: demo.source, proposer: "anna")
            let approve = "/api/v1/collections/holds/\(seeded.acme)/approve"
            let viewer = try await server.post(approve, token: demo.tokens["vera"], json: "{}")
            #expect(viewer.status == 403 && viewer.errorCode == "forbidden")
            let preparer = try await server.post(approve, token: demo.tokens["paul"], json: "{}")
            #expect(preparer.status == 403)
            let own = try await server.post(approve, token: demo.tokens["anna"], json: "{}")
            #expect(own.status == 403 && own.text.contains("anna proposed credit hold #\(seeded.acme)"), "\(own.text)")
            let reject = "/api/v1/collections/holds/\(seeded.bolt)/reject"
            let blank = try await server.post(reject, token: demo.tokens["carl"], json: #"{"reason":"  "}"#)
            #expect(blank.status == 400 && blank.text.contains("Give a reason"), "\(blank.text)")
            #expect(try demo.store.creditHolds(statuses: [.proposed]).count == 2, "refusals change nothing")

            let approved = try await server.post(approve, token: demo.tokens["carl"], json: "{}")
            let approvedStatus = try approved.json()["status"] as? String
            #expect(approved.status == 200 && approvedStatus == "approved", "\(approved.text)")
            let rejected = try await server.post(reject, token: demo.tokens["carl"], json: #"{"reason":"paid by wire this morning"}"#)
            let rejectedStatus = try rejected.json()["status"] as? String
            #expect(rejected.status == 200 && rejectedStatus == "rejected", "\(rejected.text)")
            let again = try await server.post(approve, token: demo.tokens["carl"], json: "{}")
            #expect(again.status == 409, "an approved hold is not proposed any more: \(again.text)")
            #expect(try demo.store.auditEvents().filter { $0.action.hasPrefix("receivables.credit.hold.") && $0.actor == "carl" }.count == 2)
        }
    }
}
