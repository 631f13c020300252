import CloseStore
import Receivables

/// Credit holds as Prometheus gauges: how many stand in each status.
enum CreditHoldMetrics {
    static func text(_ counts: [CreditHoldStatus: Int]) -> String {
        MetricsRegistry.gauge("closer_receivables_credit_holds", help: "Credit holds on customers by status (proposed, approved, applied, released, rejected).",
                              values: counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { status, count -> (MetricsRegistry.Labels, Double) in
                                  (["status": status.rawValue], Double(count))
                              })
    }
}
