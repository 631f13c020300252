import CloseStore
import DemoCompany
import Foundation
import Testing

/// GET /api/v1/payables/duplicates: the demo's planted duplicate bills, for any signed-in reader.
@Suite struct PayablesAPITests {
    @Test func aReaderGetsThePeriodsDuplicateBillsWithTheirReasons() async throws {
        try await ServedDemo.serving { demo, server in
            let path = "/api/v1/payables/duplicates?period=\(demo.period)"
            #expect(try await server.send("GET", path).status == 401)
            let reply = try await server.send("GET", path, token: demo.tokens["vera"])
            #expect(reply.status == 200, "\(reply.text)")
            let report = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])
            let hits = try #require(report["hits"] as? [[String: Any]])
            let planted = demo.book.groundTruth.problems(of: "duplicate-vendor-bill") + demo.book.groundTruth.problems(of: "other-vendor-duplicate-bill")
            #expect(hits.count == planted.count && !planted.isEmpty)
            #expect(hits.allSatisfy { ($0["reason"] as? String)?.contains("looks like") == true && ($0["score"] as? Double ?? 0) > 0.5 })
        }
    }
}

/// The intake's exception queue over the API: listed and filtered for readers; a blocked bill released
/// by someone other than its preparer, refused (and unchanged) to its preparer and to roles that may not release.
@Suite struct BillHoldsAPITests {
    static func holds(_ server: TestServer, _ query: String, token: String?) async throws -> [[String: Any]] {
        let reply = try await server.send("GET", "/api/v1/payables/holds\(query)", token: token)
        #expect(reply.status == 200, "\(reply.text)")
        return try #require(try reply.json()["bills"] as? [[String: Any]])
    }

    @Test func theQueueListsBlockedBillsFirstOldestFirstAndFilters() async throws {
        try await ServedDemo.serving { demo, server in
            try SeededBills.seed(demo.store, source: demo.source)
            let token = demo.tokens["vera"]
            let all = try await Self.holds(server, "", token: token)
            #expect(all.count == 5)
            #expect(all.prefix(2).map { $0["billID"] as? Int } == [SeededBills.duplicate, SeededBills.overReceived])
            let first = all[0]
            #expect(first["amount"] as? String == "1234.50" && first["currency"] as? String == "EUR")
            #expect(first["status"] as? String == "blocked" && first["action"] as? String == "hold")
            #expect(first["ageDays"] as? Int == 10 && first["overdue"] as? Bool == true && first["owner"] as? String == "anna")
            #expect((first["reasons"] as? [String])?.first?.contains("BILL/501 looks like BILL/500") == true)

            #expect(try await Self.holds(server, "?status=blocked", token: token).count == 2)
            #expect(try await Self.holds(server, "?status=warned", token: token).map { $0["billID"] as? Int } == [SeededBills.warned])
            #expect(try await Self.holds(server, "?vendor=PRINT", token: token).map { $0["billID"] as? Int } == [SeededBills.overReceived])
            let bad = try await server.send("GET", "/api/v1/payables/holds?status=stuck", token: token)
            #expect(bad.status == 400 && bad.text.contains("must be blocked, warned"))
        }
    }

    @Test func someoneOtherThanThePreparerReleasesABlockedBill() async throws {
        try await ServedDemo.serving { demo, server in
            try SeededBills.seed(demo.store, source: demo.source)
            let path = "/api/v1/payables/holds/\(SeededBills.duplicate)/release?source=\(demo.source)"
            let reply = try await server.post(path, token: demo.tokens["carl"], json: #"{"reason":"Vendor confirmed two deliveries"}"#)
            #expect(reply.status == 200, "\(reply.text)")
            #expect(try reply.json()["status"] as? String == "released")
            let stored = try #require(try demo.store.billReview(sourceKey: demo.source, billID: SeededBills.duplicate))
            #expect(stored.status == .released && stored.release?.by == "carl" && stored.release?.reason == "Vendor confirmed two deliveries")
            #expect(try demo.store.auditEvents().contains { $0.action == "payables.bill.released" && $0.actor == "carl" })
            // Released, it is blocked no more: a second release is a conflict.
            let again = try await server.post(path, token: demo.tokens["anna"], json: #"{"reason":"again"}"#)
            #expect(again.status == 409 && again.text.contains("not blocked"))
        }
    }

    @Test func thePreparerAViewerAndAnEmptyReasonAreRefusedAndNothingChanges() async throws {
        try await ServedDemo.serving { demo, server in
            try SeededBills.seed(demo.store, source: demo.source)
            let path = "/api/v1/payables/holds/\(SeededBills.duplicate)/release?source=\(demo.source)"
            let before = try demo.store.billReview(sourceKey: demo.source, billID: SeededBills.duplicate)
            let own = try await server.post(path, token: demo.tokens["anna"], json: #"{"reason":"mine is fine"}"#)
            #expect(own.status == 403 && own.text.contains("anna prepared BILL/501"), "\(own.text)")
            let viewer = try await server.post(path, token: demo.tokens["vera"], json: #"{"reason":"looks fine"}"#)
            #expect(viewer.status == 403 && viewer.errorCode == "forbidden")
            let blank = try await server.post(path, token: demo.tokens["carl"], json: #"{"reason":"  "}"#)
            #expect(blank.status == 400 && blank.text.contains("Say why"))
            #expect(try await server.post(path, token: demo.tokens["carl"], json: "{}").status == 400)
            #expect(try demo.store.billReview(sourceKey: demo.source, billID: SeededBills.duplicate) == before)
            #expect(try !demo.store.auditEvents().contains { $0.action == "payables.bill.released" })
        }
    }
}
