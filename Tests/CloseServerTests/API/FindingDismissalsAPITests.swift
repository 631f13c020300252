import CloseChecks
import CloseStore
import Foundation
import Ledger
import Testing

/// Dismissals over the API: a preparer dismisses a finding with a reason and a scope (a whole check needs a controller),
/// readers list them, whoever made one (or a controller) withdraws it; refusals change nothing.
@Suite struct FindingDismissalsAPITests {
    static func body(_ fingerprint: String, scope: String, reason: String, until: LocalDate) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["fingerprint": fingerprint, "scope": scope, "reason": reason,
                                                                     "until": until.description]), as: UTF8.self)
    }

    @Test func aPreparerDismissesReadersListAndTheMakerWithdraws() async throws {
        try await ServedDemo.serving { demo, server in
            let findings = try #require(try demo.store.latestFindings(sourceKey: demo.source, period: demo.period))
            let target = try #require(findings.first { $0.severity == .warning })
            let asOf = demo.period.end, until = demo.period.end.adding(days: 30)
            let path = "/api/v1/findings/dismissals?asOf=\(asOf)"

            let viewer = try await server.post(path, token: demo.tokens["vera"], json: try Self.body(target.fingerprint, scope: "record", reason: "known", until: until))
            #expect(viewer.status == 403)
            let wholeCheck = try await server.post(path, token: demo.tokens["paul"], json: try Self.body(target.fingerprint, scope: "kind", reason: "known", until: until))
            #expect(wholeCheck.status == 403 && wholeCheck.errorCode == "policy_refused" && wholeCheck.text.contains("needs the controller role"), "\(wholeCheck.text)")
            let blank = try await server.post(path, token: demo.tokens["paul"], json: try Self.body(target.fingerprint, scope: "record", reason: " ", until: until))
            #expect(blank.status == 422 && blank.text.contains("needs a reason"), "\(blank.text)")
            let badScope = try await server.post(path, token: demo.tokens["paul"], json: try Self.body(target.fingerprint, scope: "vendor", reason: "x", until: until))
            #expect(badScope.status == 400 && badScope.text.contains("must be record, partner, account or kind"), "\(badScope.text)")
            let unknown = try await server.post(path, token: demo.tokens["paul"], json: try Self.body("nope|x#1", scope: "record", reason: "x", until: until))
            #expect(unknown.status == 404, "\(unknown.text)")
            #expect(try demo.store.findingDismissals(sourceKey: demo.source).isEmpty, "refusals change nothing")

            let made = try await server.post(path, token: demo.tokens["paul"], json: try Self.body(target.fingerprint, scope: "record", reason: "confirmed", until: until))
            #expect(made.status == 201, "\(made.text)")
            let id = try #require(try made.json()["id"] as? Int)
            #expect((try made.json()["scope"] as? [String: Any])?["type"] as? String == "record")

            let list = try await server.send("GET", "/api/v1/findings/dismissals", token: demo.tokens["vera"])
            let listed = try #require(try list.json()["dismissals"] as? [[String: Any]])
            #expect(list.status == 200 && listed.count == 1 && listed.first?["reason"] as? String == "confirmed" && listed.first?["decidedBy"] as? String == "paul")

            let approver = try await server.send("DELETE", "/api/v1/findings/dismissals/\(id)", token: demo.tokens["anna"])
            #expect(approver.status == 403 && approver.text.contains("only paul"), "\(approver.text)")
            let withdrawn = try await server.send("DELETE", "/api/v1/findings/dismissals/\(id)", token: demo.tokens["paul"])
            let withdrawnBy = try withdrawn.json()["withdrawnBy"] as? String
            #expect(withdrawn.status == 200 && withdrawnBy == "paul", "\(withdrawn.text)")
            #expect(try await server.send("DELETE", "/api/v1/findings/dismissals/\(id)", token: demo.tokens["carl"]).status == 409)
            #expect(try await server.send("DELETE", "/api/v1/findings/dismissals/999", token: demo.tokens["carl"]).status == 404)
            let all = try await server.send("GET", "/api/v1/findings/dismissals?all=true", token: demo.tokens["vera"])
            #expect((try all.json()["dismissals"] as? [[String: Any]])?.count == 1)
            #expect(try demo.store.auditEvents().filter { $0.action.hasPrefix("finding.dismiss") }.map(\.action) == ["finding.dismissed", "finding.dismissal-withdrawn"])
        }
    }
}
