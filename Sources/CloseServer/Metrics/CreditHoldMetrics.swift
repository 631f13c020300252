import CloseStore
import Prometheus
import Receivables

/// Credit holds as Prometheus gauges: how many stand in each status.
enum CreditHoldMetrics {
    static func record(_ counts: [CreditHoldStatus: Int], into registry: PrometheusCollectorRegistry) {
        registry.setStatusGauge("closer_receivables_credit_holds", help: "Credit holds on customers by status (proposed, approved, applied, released, rejected).",
                                counts: counts)
    }
}
