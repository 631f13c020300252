import CloseStore
import Prometheus

/// The store's standing figures as Prometheus gauges and histograms.
enum StoreMetrics {
    static func record(_ gauges: StoreGauges, into registry: PrometheusCollectorRegistry) {
        func labelled(_ counts: [String: Int], _ label: String) -> [(PrometheusCollectorRegistry.Labels, Double)] {
            counts.map { ([label: $0.key], Double($0.value)) }
        }
        registry.setGauge("closer_findings", help: "Findings of each company's latest check run, by severity.",
                          values: labelled(gauges.findingsBySeverity, "severity"))
        registry.setGauge("closer_adjustment_proposals", help: "Adjusting-entry proposals by status.", values: labelled(gauges.adjustmentsByStatus, "status"))
        registry.setGauge("closer_bank_match_proposals", help: "Bank-match proposals by status.", values: labelled(gauges.bankMatchesByStatus, "status"))
        let rate = gauges.bankMatchesCurrent == 0 ? 0 : Double(gauges.bankMatchesAuto) / Double(gauges.bankMatchesCurrent)
        registry.setGauge("closer_bank_auto_match_ratio", help: "Share of current bank-match proposals the policy matched on its own.", values: [([:], rate)])
        registry.setGauge("closer_runs", help: "Runs recorded in the store, by status.", values: labelled(gauges.runsByStatus, "status"))
        registry.setGauge("closer_webhook_deliveries", help: "Outgoing webhook notifications by status; dead ones wait for an admin.",
                          values: labelled(gauges.webhookDeliveriesByStatus, "status"))
        for (kind, seconds) in gauges.runDurations {
            registry.recordHistogram("closer_run_duration_seconds", help: "Duration of finished runs, by kind.", labels: ["kind": kind], values: seconds,
                                     buckets: RecordedMetric.latencyBuckets)
        }
    }
}
