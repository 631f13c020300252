import CloseStore

/// Reminders and promises to pay as Prometheus gauges: how many stand in each status (drafts waiting for a
/// collector, promises broken), every ledger together.
enum CollectionsMetrics {
    static func text(reminders: [CollectionReminder.Status: Int], promises: [PromiseToPay.Status: Int]) -> String {
        MetricsRegistry.statusGauge("closer_receivables_reminders", help: "Payment reminders by status (drafted, approved, sent, rejected, superseded).",
                                    counts: reminders)
            + MetricsRegistry.statusGauge("closer_receivables_promises", help: "Promises to pay by status (open, kept, broken).", counts: promises)
    }
}
