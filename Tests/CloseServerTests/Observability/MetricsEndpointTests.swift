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
}
