import Foundation

/// Counters and histograms the server keeps in memory, written out in Prometheus' text format.
/// Figures that live in the store (findings, proposals, deliveries) are read at scrape time instead,
/// so they survive restarts and agree with the store.
public final class MetricsRegistry: @unchecked Sendable {
    /// Upper bounds, in seconds, of the latency buckets: an API answer, an Odoo call, a whole run.
    static let latencyBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]

    private struct Histogram {
        var buckets: [Int]
        var count = 0
        var sum = 0.0
    }

    private struct Family {
        var help: String
        var isHistogram: Bool
        var counters: [String: Double] = [:]
        var histograms: [String: Histogram] = [:]
    }

    private let lock = NSLock()
    private var families: [String: Family] = [:]

    public init() {}

    /// Labels in the order they are written out (callers list them alphabetically): no sorting on
    /// the path of every request.
    public typealias Labels = KeyValuePairs<String, String>

    public func increment(_ name: String, help: String, labels: Labels = [:], by amount: Double = 1) {
        let key = Self.labelText(labels)
        lock.withLock {
            var family = families[name] ?? Family(help: help, isHistogram: false)
            family.counters[key, default: 0] += amount
            families[name] = family
        }
    }

    public func observe(_ name: String, help: String, labels: Labels = [:], seconds: Double) {
        let key = Self.labelText(labels)
        lock.withLock {
            var family = families[name] ?? Family(help: help, isHistogram: true)
            var histogram = family.histograms[key] ?? Histogram(buckets: Array(repeating: 0, count: Self.latencyBuckets.count))
            for (index, bound) in Self.latencyBuckets.enumerated() where seconds <= bound { histogram.buckets[index] += 1 }
            histogram.count += 1
            histogram.sum += seconds
            family.histograms[key] = histogram
            families[name] = family
        }
    }

    /// The exposition text of everything recorded so far.
    public func text() -> String {
        lock.withLock {
            var lines: [String] = []
            for (name, family) in families.sorted(by: { $0.key < $1.key }) {
                lines.append("# HELP \(name) \(family.help)")
                lines.append("# TYPE \(name) \(family.isHistogram ? "histogram" : "counter")")
                for (labels, value) in family.counters.sorted(by: { $0.key < $1.key }) {
                    lines.append("\(name)\(Self.braced(labels)) \(Self.number(value))")
                }
                for (labels, histogram) in family.histograms.sorted(by: { $0.key < $1.key }) {
                    for (index, bound) in Self.latencyBuckets.enumerated() {
                        lines.append("\(name)_bucket\(Self.braced(labels, adding: "le=\"\(Self.number(bound))\"")) \(histogram.buckets[index])")
                    }
                    lines.append("\(name)_bucket\(Self.braced(labels, adding: "le=\"+Inf\"")) \(histogram.count)")
                    lines.append("\(name)_sum\(Self.braced(labels)) \(Self.number(histogram.sum))")
                    lines.append("\(name)_count\(Self.braced(labels)) \(histogram.count)")
                }
            }
            return lines.map { $0 + "\n" }.joined()
        }
    }

    /// Gauges computed elsewhere (from the store), in the same format.
    static func gauge(_ name: String, help: String, values: [(Labels, Double)]) -> String {
        var lines = ["# HELP \(name) \(help)", "# TYPE \(name) gauge"]
        for (labels, value) in values { lines.append("\(name)\(braced(labelText(labels))) \(number(value))") }
        return lines.map { $0 + "\n" }.joined()
    }

    /// A gauge of how many records stand in each status of a queue, labelled `status`.
    static func statusGauge<Status: RawRepresentable>(_ name: String, help: String, counts: [Status: Int]) -> String where Status.RawValue == String {
        gauge(name, help: help, values: counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { status, count -> (Labels, Double) in
            (["status": status.rawValue], Double(count))
        })
    }

    /// Upper bounds, in whole days, of the aging buckets of waiting work; older items count in the last, "+Inf".
    static let ageBuckets = [0, 2, 7, 30]

    /// Items per aging bucket (each in exactly one), every bucket present.
    static func ageCounts(_ ages: [Int]) -> [(bound: String, count: Int)] {
        var counts: [(bound: String, count: Int)] = []
        var lower = 0
        for bound in ageBuckets {
            counts.append((String(bound), ages.filter { (lower...bound).contains($0) }.count))
            lower = bound + 1
        }
        counts.append(("+Inf", ages.filter { $0 > ageBuckets.last! }.count))
        return counts
    }

    /// A histogram of durations computed elsewhere (from the store), cumulative as Prometheus reads it.
    static func histogram(_ name: String, help: String, seconds: [Double], buckets: [Double]) -> String {
        var lines = ["# HELP \(name) \(help)", "# TYPE \(name) histogram"]
        for bound in buckets { lines.append("\(name)_bucket{le=\"\(number(bound))\"} \(seconds.filter { $0 <= bound }.count)") }
        lines.append("\(name)_bucket{le=\"+Inf\"} \(seconds.count)")
        lines.append("\(name)_sum \(number(seconds.reduce(0, +)))")
        lines.append("\(name)_count \(seconds.count)")
        return lines.map { $0 + "\n" }.joined()
    }

    static func labelText(_ labels: Labels) -> String {
        labels.map { "\($0.key)=\"\(escape($0.value))\"" }.joined(separator: ",")
    }

    private static func braced(_ labels: String, adding extra: String? = nil) -> String {
        let all = [labels, extra ?? ""].filter { !$0.isEmpty }.joined(separator: ",")
        return all.isEmpty ? "" : "{\(all)}"
    }

    private static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
