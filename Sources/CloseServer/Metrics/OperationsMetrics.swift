import CloseStore
import CloseWorkflows
import Governance
import Prometheus

/// The operations view as Prometheus gauges — open business exceptions by area, kind and age, those past their SLA,
/// and the technical incidents apart (what an alert pages the administrator on) — with how long paying an approved
/// run takes and how much of the automated work succeeds.
enum OperationsMetrics {
    /// Upper bounds, in seconds, of payment processing: from a run's approval to each payment being created in Odoo.
    static let paymentBuckets: [Double] = [1, 5, 30, 60, 300, 3_600, 86_400]

    typealias Labels = PrometheusCollectorRegistry.Labels

    static func record(_ board: OperationsBoard, paymentSeconds: [Double], gauges: StoreGauges, scheduledRuns: [ScheduledRun],
                       into registry: PrometheusCollectorRegistry) {
        var ages: [String: [Int]] = [:], overdue: [String: Int] = [:], keys: [String: (family: String, kind: String)] = [:]
        for exception in board.exceptions {
            let key = "\(exception.family.rawValue)/\(exception.kind)"
            keys[key] = (exception.family.rawValue, exception.kind)
            ages[key, default: []].append(exception.ageDays(asOf: board.asOf))
            if exception.isOverdue(asOf: board.asOf) { overdue[key, default: 0] += 1 }
        }
        registry.setGauge("closer_operations_exceptions", help: "Open business exceptions by area, kind and how many days they have been open, at most `max_days`.",
                          values: keys.flatMap { key, labels in
                              AgeBuckets.counts(ages[key] ?? []).map { bucket -> (Labels, Double) in
                                  (["family": labels.family, "kind": labels.kind, "max_days": bucket.bound], Double(bucket.count))
                              }
                          })
        registry.setGauge("closer_operations_exceptions_overdue", help: "Open business exceptions past their SLA, by area and kind.",
                          values: keys.map { key, labels -> (Labels, Double) in (["family": labels.family, "kind": labels.kind], Double(overdue[key] ?? 0)) })
        registry.setGauge("closer_incidents_open", help: "Technical incidents standing (the administrator's, apart from business exceptions), by kind.",
                          values: TechnicalIncident.Kind.allCases.map { kind -> (Labels, Double) in
                              (["kind": kind.rawValue], Double(board.incidents.filter { $0.kind == kind }.count))
                          })
        registry.recordHistogram("closer_payment_processing_seconds", help: "From a payment run's approval to each of its payments created in Odoo.",
                                 values: paymentSeconds, buckets: paymentBuckets)
        let scheduled = scheduledRuns.filter { $0.status != .running && $0.status != .skippedOverlap }
        let work: [(kind: String, succeeded: Int, finished: Int)] = [
            ("scheduled-runs", scheduled.filter { $0.status == .succeeded }.count, scheduled.count),
            ("runs", gauges.runsByStatus["succeeded"] ?? 0, gauges.runsByStatus.filter { $0.key != "running" }.values.reduce(0, +)),
            ("webhook-deliveries", gauges.webhookDeliveriesByStatus["delivered"] ?? 0,
             (gauges.webhookDeliveriesByStatus["delivered"] ?? 0) + (gauges.webhookDeliveriesByStatus["dead"] ?? 0)),
        ]
        registry.setGauge("closer_automation_success_ratio", help: "Share of finished automated work that succeeded (1 when none finished), by kind.",
                          values: work.map { item -> (Labels, Double) in
                              (["kind": item.kind], item.finished == 0 ? 1 : Double(item.succeeded) / Double(item.finished))
                          })
    }
}
