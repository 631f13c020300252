import OdooRPC

/// Feeds every Odoo call the server makes (pulls, lock approvals) into the metrics: latency by
/// call, and errors by call and kind.
struct OdooCallMetrics: OdooCallObserver {
    var metrics: ServerMetrics

    func odooCall(_ label: String, seconds: Double, error: OdooError?) {
        metrics.record(.odooCallDuration, labels: [("call", label)], duration: .nanoseconds(Int64((seconds * 1e9).rounded())))
        guard let error else { return }
        // The case name ("timeout", "network", "serverFault"), not the message, keeps the label set small.
        let kind = Mirror(reflecting: error).children.first?.label ?? String(describing: error)
        metrics.increment(.odooCallErrors, labels: [("call", label), ("kind", kind)])
    }
}
