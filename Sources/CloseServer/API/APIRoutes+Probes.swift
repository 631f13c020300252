import Foundation
import Hummingbird
import CloseStore
import CloseWorkflows

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
                let gauges = try store.gauges()
                let text = metrics.text() + StoreMetrics.text(gauges) + PayablesMetrics.text(try store.billReviewGauges())
                    + PayablesMetrics.approvalText(pendingAges: try store.billApprovals(statuses: [.pending]).map { $0.ageDays() })
                    + CreditHoldMetrics.text(try store.creditHoldCounts())
                    + CollectionsMetrics.text(reminders: try store.reminderCounts(), promises: try store.promiseCounts())
                    + ReceivablesMetrics.text(try store.sourceKeys().map { try ReceivablesMeasuresService.report(store: store, sourceKey: $0) })
                    + OperationsMetrics.text(try OperationsBoard(store: store, rules: configuration.ruleSet), paymentSeconds: try store.paymentProcessingSeconds(),
                                             gauges: gauges, scheduledRuns: try store.scheduledRuns(limit: 1_000))
                return Response.bytes(Array(text.utf8), contentType: "text/plain; version=0.0.4; charset=utf-8")
            },
            Route(endpoint: Endpoint(method: .get, path: "/openapi.json", operationID: "openapi", summary: "This API's OpenAPI 3.1 document.",
                                     access: .open, responseSchema: "OpenAPIDocument")) { _, _ in
                Response.bytes(OpenAPIDocument.json(for: all.map(\.endpoint)))
            },
        ]
    }
}
