import CloseStore

/// The store's standing figures as Prometheus gauges and histograms.
enum StoreMetrics {
    static func text(_ gauges: StoreGauges) -> String {
        func labelled(_ counts: [String: Int], _ label: String) -> [(MetricsRegistry.Labels, Double)] {
            counts.sorted { $0.key < $1.key }.map { ([label: $0.key], Double($0.value)) }
        }
        var text = MetricsRegistry.gauge("closer_findings", help: "Findings of each company's latest check run, by severity.",
                                         values: labelled(gauges.findingsBySeverity, "severity"))
        text += MetricsRegistry.gauge("closer_adjustment_proposals", help: "Adjusting-entry proposals by status.",
                                      values: labelled(gauges.adjustmentsByStatus, "status"))
        text += MetricsRegistry.gauge("closer_bank_match_proposals", help: "Bank-match proposals by status.",
                                      values: labelled(gauges.bankMatchesByStatus, "status"))
        let rate = gauges.bankMatchesCurrent == 0 ? 0 : Double(gauges.bankMatchesAuto) / Double(gauges.bankMatchesCurrent)
        text += MetricsRegistry.gauge("closer_bank_auto_match_ratio", help: "Share of current bank-match proposals the policy matched on its own.",
                                      values: [([:], rate)])
        text += MetricsRegistry.gauge("closer_runs", help: "Runs recorded in the store, by status.", values: labelled(gauges.runsByStatus, "status"))
        text += MetricsRegistry.gauge("closer_webhook_deliveries", help: "Outgoing webhook notifications by status; dead ones wait for an admin.",
                                      values: labelled(gauges.webhookDeliveriesByStatus, "status"))
        let durations = MetricsRegistry()
        for (kind, seconds) in gauges.runDurations {
            for value in seconds {
                durations.observe("closer_run_duration_seconds", help: "Duration of finished runs, by kind.", labels: ["kind": kind], seconds: value)
            }
        }
        return text + durations.text()
    }
}
