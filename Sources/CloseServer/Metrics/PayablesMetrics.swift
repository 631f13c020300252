import CloseStore
import Prometheus

/// The intake's standing figures as Prometheus gauges: bills checked, the touchless rate, what the open
/// bills were stopped for, and how long the blocked ones have waited.
enum PayablesMetrics {
    typealias Labels = PrometheusCollectorRegistry.Labels

    static func record(_ gauges: BillReviewGauges, into registry: PrometheusCollectorRegistry) {
        registry.setGauge("closer_payables_bills_checked", help: "Vendor bills the intake has checked, by status (clear, warned, blocked, released).",
                          values: gauges.byStatus.map { status, count -> (Labels, Double) in (["status": status], Double(count)) })
        registry.setGauge("closer_payables_touchless_ratio", help: "Share of checked vendor bills the intake found nothing on.",
                          values: [([:], gauges.touchlessRate)])
        registry.setGauge("closer_payables_exceptions", help: "Open problems of blocked and warned vendor bills: duplicates by strongest signal, order-match exceptions by kind.",
                          values: gauges.exceptionsByKind.map { kind, count -> (Labels, Double) in (["family": kind.family, "kind": kind.kind], Double(count)) })
        registry.setGauge("closer_payables_oldest_blocked_days", help: "Days the oldest blocked vendor bill has waited for a fix or a release (0 when none is blocked).",
                          values: [([:], Double(gauges.blockedAgeDays.max() ?? 0))])
        registry.setGauge("closer_payables_blocked_bills", help: "Blocked vendor bills by how many days they have waited, at most `max_days`.",
                          values: AgeBuckets.counts(gauges.blockedAgeDays).map { bucket -> (Labels, Double) in (["max_days": bucket.bound], Double(bucket.count)) })
    }

    /// Approval aging: the bills waiting on their route, the oldest's age, and how many per aging bucket.
    static func recordApprovals(pendingAges ages: [Int], into registry: PrometheusCollectorRegistry) {
        registry.setGauge("closer_payables_approvals_pending", help: "Vendor bills waiting for a decision on their approval route.",
                          values: [([:], Double(ages.count))])
        registry.setGauge("closer_payables_oldest_pending_approval_days", help: "Days the oldest bill on its approval route has waited (0 when none waits).",
                          values: [([:], Double(ages.max() ?? 0))])
        registry.setGauge("closer_payables_pending_approvals", help: "Vendor bills waiting for approval by how many days they have waited, at most `max_days`.",
                          values: AgeBuckets.counts(ages).map { bucket -> (Labels, Double) in (["max_days": bucket.bound], Double(bucket.count)) })
    }
}
