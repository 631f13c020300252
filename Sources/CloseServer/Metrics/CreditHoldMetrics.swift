import CloseStore
import Receivables

/// Credit holds as Prometheus gauges: how many stand in each status.
enum CreditHoldMetrics {
    static func text(_ counts: [CreditHoldStatus: Int]) -> String {
        MetricsRegistry.statusGauge("closer_receivables_credit_holds", help: "Credit holds on customers by status (proposed, approved, applied, released, rejected).",
                                    counts: counts)
    }
}
