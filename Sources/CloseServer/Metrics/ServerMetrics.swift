import Prometheus
import Metrics

/// What the server measures as it happens (requests, Odoo calls), recorded through swift-metrics into a
/// swift-prometheus registry of this server's own. No global `MetricsSystem` is bootstrapped, so servers started
/// side by side in one process (the tests) never share counts. Figures that live in the store (findings,
/// proposals, deliveries) are read at scrape time instead, so they survive restarts and agree with the store.
public struct ServerMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    let factory: DescribedMetricsFactory

    public init() {
        factory = DescribedMetricsFactory(registry: registry, metrics: RecordedMetric.all)
    }

    /// The exposition text of everything recorded so far.
    func emit(into buffer: inout [UInt8]) {
        registry.emit(into: &buffer)
    }

    func increment(_ metric: RecordedMetric, labels: [(String, String)]) {
        Counter(label: metric.name, dimensions: labels, factory: factory).increment()
    }

    func record(_ metric: RecordedMetric, labels: [(String, String)], duration: Duration) {
        Timer(label: metric.name, dimensions: labels, factory: factory).record(duration: duration)
    }
}
