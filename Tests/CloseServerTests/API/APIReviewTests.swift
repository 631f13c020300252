import Foundation
import Testing
import Ledger
import CloseStore
import CloseChecks
import Adjustments

@Suite("API reviews and lists")
struct APIReviewTests {
    @Test func anApproverApprovesAndTheAuditTrailSaysWho() async throws {
        try await ServedDemo.serving { demo, server in
            let waiting = try #require(try demo.store.adjustments(sourceKey: demo.source, statuses: [.proposed])
            
                .first { $0.proposal.entry.total.map { $0.minorUnits <= 1_000_000 } ?? false })   // within an approver's limit

            let reply = try await server.post("/api/v1/proposals/\(waiting.id)/approve", token: demo.tokens["anna"], json: #"{"note":"checked the bill"}"#)

            #expect(reply.status == 200, "\(reply.text)")
            #expect(try demo.store.adjustment(id: waiting.id, sourceKey: demo.source).status == .approved)
            let approval = try #require(try demo.store.auditEvents().last { $0.action.hasPrefix("adjustment.") && $0.actor == "anna" })
            #expect(approval.targets.contains { $0.id == String(waiting.id) })
            #expect(try demo.store.verifyAuditTrail().isIntact)
        }
    }

    @Test func bulkApprovalTakesOnlyWaitingProposalsAtTheConfidence() async throws {
        try await ServedDemo.serving { demo, server in
            let waiting = try demo.store.adjustments(sourceKey: demo.source, statuses: [.proposed])
            let threshold = try #require(waiting.map(\.proposal.confidence).sorted().dropFirst(waiting.count / 2).first)
            let eligible = Set(waiting.filter { $0.proposal.confidence >= threshold }.map(\.id))

            let reply = try await server.post("/api/v1/proposals/bulk-approve", token: demo.tokens["carl"], json: #"{"minConfidence": \#(threshold)}"#)

            #expect(reply.status == 200, "\(reply.text)")
            let body = try reply.json()
            let decided = try #require(body["decided"] as? [[String: Any]])
            let refused = try #require(body["refused"] as? [[String: Any]])
            let touched = Set(decided.compactMap { ($0["proposal"] as? [String: Any])?["id"] as? Int64 ?? (($0["proposal"] as? [String: Any])?["id"] as? Int).map(Int64.init) })
                .union(refused.compactMap { ($0["id"] as? Int).map(Int64.init) })
            #expect(touched == eligible)
            let below = waiting.filter { !eligible.contains($0.id) }
            for proposal in below { #expect(try demo.store.adjustment(id: proposal.id, sourceKey: demo.source).status == .proposed) }
        }
    }

    @Test func findingsListFiltersAndPagesTheLatestCheckRun() async throws {
        try await ServedDemo.serving { demo, server in
            let stored = try #require(try demo.store.latestFindings(sourceKey: demo.source, period: demo.period))

            let all = try await server.send("GET", "/api/v1/findings?limit=1000", token: demo.tokens["vera"]).json()
            #expect(all["total"] as? Int == stored.count)
            #expect((all["findings"] as? [Any])?.count == stored.count)
            #expect(all["period"] as? String == demo.period.description)

            let blocking = try await server.send("GET", "/api/v1/findings?severity=blocking&limit=2&offset=1", token: demo.tokens["vera"]).json()
            let blockingCount = stored.filter { $0.severity == .blocking }.count
            #expect(blocking["total"] as? Int == blockingCount)
            let page = try #require(blocking["findings"] as? [[String: Any]])
            #expect(page.count == min(2, max(0, blockingCount - 1)))
            #expect(page.allSatisfy { $0["severity"] as? String == "blocking" })
        }
    }
}
