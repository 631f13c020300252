import OdooRPC

/// Feeds every Odoo call the server makes (pulls, lock approvals) into the metrics: latency by
/// call, and errors by call and kind.
struct OdooCallMetrics: OdooCallObserver {
    var metrics: MetricsRegistry

    func odooCall(_ label: String, seconds: Double, error: OdooError?) {
        metrics.observe("closer_odoo_call_duration_seconds", help: "Latency of Odoo External API calls, by call.", labels: ["call": label], seconds: seconds)
        guard let error else { return }
        // The case name ("timeout", "network", "serverFault"), not the message, keeps the label set small.
        let kind = Mirror(reflecting: error).children.first?.label ?? String(describing: error)
        metrics.increment("closer_odoo_call_errors_total", help: "Failed Odoo External API calls, by call and kind of error.",
                          labels: ["call": label, "kind": kind])
    }
}
