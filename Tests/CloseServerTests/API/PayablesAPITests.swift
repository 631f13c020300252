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
            let planted = demo.book.groundTruth.problems(of: "duplicate-vendor-bill")
            #expect(hits.count == planted.count && !planted.isEmpty)
            #expect(hits.allSatisfy { ($0["reason"] as? String)?.contains("looks like") == true && ($0["score"] as? Double ?? 0) > 0.5 })
        }
    }
}
