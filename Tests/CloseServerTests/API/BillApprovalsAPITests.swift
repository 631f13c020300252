import CloseStore
import Foundation
import Ledger
import Payables
import Testing

/// Bills on their approval route over the API, the dashboard and /metrics: listed for readers; a level
/// decided by an approver who did not enter the bill, refused to its preparer, a viewer, a second level
/// by the same person and a rejection without a comment.
@Suite struct BillApprovalsAPITests {
    /// A 12,400.00 EUR bill entered by `preparer`: two levels under the built-in rules (an approver or controller, then a controller).
    static func route(_ store: AppDatabase, source: SourceKey, billID: Int = 901, preparer: String = "anna", daysAgo: Double = 3) throws {
        let facts = BillApprovalFacts(source: source, billID: billID, billTitle: "BILL/\(billID) of Acme", amount: Money(minorUnits: 12_400_00, currency: CurrencyCode("EUR")!),
                                      vendorFirstBillDate: LocalDate(iso: "2024-01-10"), preparerLogin: preparer)
        try store.enterBillApproval(facts, route: ApprovalRouter(rules: BillApprovalRules()).route(facts, on: LocalDate(iso: "2026-12-05")!),
                                    requestedBy: "closer-agent", at: Date().addingTimeInterval(-daysAgo * 86_400))
    }

    @Test func anApproverWhoDidNotEnterTheBillDecidesOneLevelAndTheRestAreRefused() async throws {
        try await ServedDemo.serving { demo, server in
            try Self.route(demo.store, source: demo.source)
            let listed = try await server.send("GET", "/api/v1/payables/approvals", token: demo.tokens["vera"])
            #expect(listed.status == 200, "\(listed.text)")
            let bills = try #require(try listed.json()["bills"] as? [[String: Any]])
            let waiting = try #require(bills.first?["waiting"] as? [String: Any])
            #expect(bills.count == 1 && bills[0]["amount"] as? String == "12400.00" && bills[0]["ageDays"] as? Int == 3)
            #expect(waiting["level"] as? Int == 1 && waiting["of"] as? Int == 2)

            let path = "/api/v1/payables/approvals/901/decide?source=\(demo.source)"
            #expect(try await server.post(path, token: demo.tokens["vera"], json: #"{"approve":true}"#).status == 403)
            let own = try await server.post(path, token: demo.tokens["anna"], json: #"{"approve":true}"#)
            #expect(own.status == 403 && own.errorCode == "policy_refused", "\(own.text)")
            let bare = try await server.post(path, token: demo.tokens["carl"], json: #"{"approve":false}"#)
            #expect(bare.status == 400, "a rejection needs a comment: \(bare.text)")
            #expect(try demo.store.billApproval(sourceKey: demo.source, billID: 901)?.decisions.isEmpty == true, "refusals change nothing")

            let first = try await server.post(path, token: demo.tokens["carl"], json: #"{"approve":true,"comment":"ordered by ops"}"#)
            #expect(first.status == 200, "\(first.text)")
            #expect((try first.json()["waiting"] as? [String: Any])?["level"] as? Int == 2)
            let twice = try await server.post(path, token: demo.tokens["carl"], json: #"{"approve":true}"#)
            #expect(twice.status == 403, "one person decides one level of a bill: \(twice.text)")
            #expect(try demo.store.reasonsNotToPay(sourceKey: demo.source, billID: 901).first?.contains("level 2 of 2") == true)

            let metrics = try await server.send("GET", "/metrics", token: demo.tokens["vera"]).text
            #expect(metrics.contains("closer_payables_approvals_pending 1") && metrics.contains("closer_payables_oldest_pending_approval_days 3"))
            #expect(metrics.contains(#"closer_payables_pending_approvals{max_days="7"} 1"#), "\(metrics)")
        }
    }
}
