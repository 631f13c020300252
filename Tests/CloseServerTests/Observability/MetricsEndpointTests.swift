import Foundation
import Testing
import CloseStore
import CloseChecks

@Suite("Metrics and probes")
struct MetricsEndpointTests {
    @Test func metricsCountRequestsAndReportTheStoresFigures() async throws {
        try await ServedDemo.serving { demo, server in
            #expect(try await server.send("GET", "/health").status == 200)
            #expect(try await server.send("GET", "/ready").status == 200)
            _ = try await server.send("GET", "/api/v1/findings", token: demo.tokens["vera"])
            _ = try await server.send("GET", "/api/v1/findings")

            // Business figures are not public: a scraper presents a reader's token.
            #expect(try await server.send("GET", "/metrics").status == 401)
            let reply = try await server.send("GET", "/metrics", token: demo.tokens["vera"])
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"]?.hasPrefix("text/plain") == true)
            let text = reply.text
            #expect(text.contains(#"closer_http_requests_total{method="GET",route="/api/v1/findings",status="200"} 1"#))
            #expect(text.contains(#"closer_http_requests_total{method="GET",route="/api/v1/findings",status="401"} 1"#))
            #expect(text.contains("closer_http_request_duration_seconds_bucket"))
            let findings = try #require(try demo.store.latestFindings(sourceKey: demo.source, period: demo.period))
            for severity in Set(findings.map(\.severity)) {
                #expect(text.contains("closer_findings{severity=\"\(severity.rawValue)\"} \(findings.filter { $0.severity == severity }.count)"))
            }
            let proposed = try demo.store.adjustments(sourceKey: demo.source, statuses: [.proposed]).count
            #expect(text.contains("closer_adjustment_proposals{status=\"proposed\"} \(proposed)"))
            #expect(text.contains(#"closer_run_duration_seconds_count{kind="pull"} 1"#))
            #expect(text.contains("closer_bank_auto_match_ratio"))
        }
    }

    @Test func payablesMetricsReflectTheStoredReviews() async throws {
        try await ServedDemo.serving { demo, server in
            try SeededBills.seed(demo.store, source: demo.source)
            _ = try demo.store.releaseBill(sourceKey: demo.source, billID: SeededBills.overReceived, reason: "delivered", actor: "carl")
            let text = try await server.send("GET", "/metrics", token: demo.tokens["vera"]).text
            for (status, count) in [("blocked", 1), ("clear", 2), ("released", 1), ("warned", 1)] {
                #expect(text.contains("closer_payables_bills_checked{status=\"\(status)\"} \(count)"), "\(status)")
            }
            #expect(text.contains("closer_payables_touchless_ratio 0.4"))
            // Open bills only: the blocked duplicate and the warned coincidence; the released order exception no longer counts.
            #expect(text.contains(#"closer_payables_exceptions{family="duplicate",kind="reformatted-reference"} 1"#))
            #expect(text.contains(#"closer_payables_exceptions{family="duplicate",kind="same-amount-near-date"} 1"#))
            #expect(!text.contains(#"kind="billed-over-received""#))
            #expect(text.contains("closer_payables_oldest_blocked_days 10"))
            #expect(text.contains(#"closer_payables_blocked_bills{max_days="30"} 1"#))
            #expect(text.contains(#"closer_payables_blocked_bills{max_days="2"} 0"#))
        }
    }
}
