/// A metric the server records as things happen: its Prometheus name and the help line written beside it.
/// Labels are listed alphabetically where they are recorded: the registry tells label sets apart by order.
struct RecordedMetric: Sendable {
    var name: String
    var help: String

    static let httpRequests = RecordedMetric(name: "closer_http_requests_total", help: "HTTP requests answered, by route, method and status.")
    static let httpRequestDuration = RecordedMetric(name: "closer_http_request_duration_seconds", help: "Time to answer an HTTP request, by route.")
    static let odooCallDuration = RecordedMetric(name: "closer_odoo_call_duration_seconds", help: "Latency of Odoo External API calls, by call.")
    static let odooCallErrors = RecordedMetric(name: "closer_odoo_call_errors_total", help: "Failed Odoo External API calls, by call and kind of error.")

    static let all = [httpRequests, httpRequestDuration, odooCallDuration, odooCallErrors]

    /// Upper bounds of the latency buckets: an API answer, an Odoo call, a whole run.
    static let latencyBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]
}
