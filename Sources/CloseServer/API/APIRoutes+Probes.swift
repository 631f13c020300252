import Foundation
import Hummingbird
import CloseStore
import CloseWorkflows
import Prometheus

extension APIRoutes {
    /// Liveness, readiness and the API's own description are open, for probes; the metrics carry business
    /// figures (findings, proposals, match rates), so a scraper presents a user's API token like any reader.
    var probes: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/health", operationID: "health", summary: "The process is up.",
                                     access: .open, responseSchema: "Status")) { _, _ in
                Response.bytes(Array(#"{"status":"ok"}"#.utf8))
            },
            Route(endpoint: Endpoint(method: .get, path: "/ready", operationID: "ready",
                                     summary: "The store can be read; 503 while it cannot.", access: .open, responseSchema: "Status")) { _, _ in
                do {
                    _ = try store.sourceKeys()
                    return Response.bytes(Array(#"{"status":"ready"}"#.utf8))
                } catch {
                    throw APIError(.serviceUnavailable, code: "not_ready", "The Closer store cannot be read: \(error).")
                }
            },
            Route(endpoint: Endpoint(method: .get, path: "/metrics", operationID: "metrics", summary: "Prometheus metrics (a reader's API token).",
                                     access: .reader, responseContentType: "text/plain")) { _, _ in
                // What the server recorded, then the store's figures in a registry made for this scrape.
                let scrape = PrometheusCollectorRegistry()
                let gauges = try store.gauges()
                StoreMetrics.record(gauges, into: scrape)
                PayablesMetrics.record(try store.billReviewGauges(), into: scrape)
                PayablesMetrics.recordApprovals(pendingAges: try store.billApprovals(statuses: [.pending]).map { $0.ageDays() }, into: scrape)
                CreditHoldMetrics.record(try store.creditHoldCounts(), into: scrape)
                CollectionsMetrics.record(reminders: try store.reminderCounts(), promises: try store.promiseCounts(), into: scrape)
                ReceivablesMetrics.record(try store.sourceKeys().map { try ReceivablesMeasuresService.report(store: store, sourceKey: $0) }, into: scrape)
                OperationsMetrics.record(try OperationsBoard(store: store, rules: configuration.ruleSet), paymentSeconds: try store.paymentProcessingSeconds(),
                                         gauges: gauges, scheduledRuns: try store.scheduledRuns(limit: 1_000), into: scrape)
                var text: [UInt8] = []
                metrics.emit(into: &text)
                scrape.emit(into: &text)
                return Response.bytes(text, contentType: "text/plain; version=0.0.4; charset=utf-8")
            },
            Route(endpoint: Endpoint(method: .get, path: "/openapi.json", operationID: "openapi", summary: "This API's OpenAPI 3.1 document.",
                                     access: .open, responseSchema: "OpenAPIDocument")) { _, _ in
                Response.bytes(OpenAPIDocument.json(for: all.map(\.endpoint)))
            },
        ]
    }
}
