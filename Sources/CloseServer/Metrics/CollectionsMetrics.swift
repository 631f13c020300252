import CloseStore
import Prometheus

/// Reminders and promises to pay as Prometheus gauges: how many stand in each status (drafts waiting for a
/// collector, promises broken), every ledger together.
enum CollectionsMetrics {
    static func record(reminders: [CollectionReminder.Status: Int], promises: [PromiseToPay.Status: Int], into registry: PrometheusCollectorRegistry) {
        registry.setStatusGauge("closer_receivables_reminders", help: "Payment reminders by status (drafted, approved, sent, rejected, superseded).",
                                counts: reminders)
        registry.setStatusGauge("closer_receivables_promises", help: "Promises to pay by status (open, kept, broken).", counts: promises)
    }
}
