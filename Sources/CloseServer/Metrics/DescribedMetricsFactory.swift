import Metrics
import Prometheus

/// swift-prometheus' own factory writes no `# HELP` line for what swift-metrics records (and stops the process
/// if a family was declared with one), so this one makes the same collectors with the help of each metric the
/// server records, and times with the server's latency buckets.
struct DescribedMetricsFactory: MetricsFactory {
    let registry: PrometheusCollectorRegistry
    private let plain: PrometheusMetricsFactory
    private let help: [String: String]
    private static let buckets = RecordedMetric.latencyBuckets.map { Duration.nanoseconds(Int64(($0 * 1e9).rounded())) }

    init(registry: PrometheusCollectorRegistry, metrics: [RecordedMetric]) {
        self.registry = registry
        plain = PrometheusMetricsFactory(registry: registry)
        help = Dictionary(uniqueKeysWithValues: metrics.map { ($0.name, $0.help) })
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        registry.makeCounter(descriptor: descriptor(label), labels: dimensions)
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        registry.makeDurationHistogram(descriptor: descriptor(label), labels: dimensions, buckets: Self.buckets)
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        plain.makeRecorder(label: label, dimensions: dimensions, aggregate: aggregate)
    }

    private func descriptor(_ name: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help[name] ?? "")
    }

    func destroyCounter(_ handler: any CounterHandler) { plain.destroyCounter(handler) }
    func destroyTimer(_ handler: any TimerHandler) { plain.destroyTimer(handler) }
    func destroyRecorder(_ handler: any RecorderHandler) { plain.destroyRecorder(handler) }
}
