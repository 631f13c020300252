import Prometheus

/// Figures read from the store at scrape time, set into a registry made for that one scrape: swift-prometheus
/// writes the exposition text, these only say what goes in it.
extension PrometheusCollectorRegistry {
    /// Labels in the order they are written out (callers list them alphabetically).
    typealias Labels = KeyValuePairs<String, String>

    /// A gauge family; a family with no values is left out of the scrape.
    func setGauge(_ name: String, help: String, values: [(Labels, Double)]) {
        let descriptor = MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
        for (labels, value) in values {
            makeGauge(descriptor: descriptor, labels: labels.map { ($0.key, $0.value) }).set(to: value)
        }
    }

    /// A gauge of how many records stand in each status of a queue, labelled `status`.
    func setStatusGauge<Status: RawRepresentable>(_ name: String, help: String, counts: [Status: Int]) where Status.RawValue == String {
        setGauge(name, help: help, values: counts.map { status, count -> (Labels, Double) in (["status": status.rawValue], Double(count)) })
    }

    /// A histogram of values computed elsewhere (durations in seconds from the store).
    func recordHistogram(_ name: String, help: String, labels: Labels = [:], values: [Double], buckets: [Double]) {
        let histogram = makeValueHistogram(descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help),
                                           labels: labels.map { ($0.key, $0.value) }, buckets: buckets)
        for value in values { histogram.record(value) }
    }
}
