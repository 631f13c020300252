public import Foundation
public import JobQueue
import Ledger
import Prometheus

/// The firm's queue as Prometheus sees it, read from the queue at scrape time so that every scrape agrees with
/// the queue whichever process serves it: jobs by state; how long jobs finished in the window waited for a
/// worker and ran, by kind; and how long each tenant's close took, from the pull being asked for to the
/// package written.
public struct FirmMetrics: Sendable {
    public var counts: [JobState: Int]
    /// Jobs finished for good within the window.
    public var finished: [Job]

    public init(counts: [JobState: Int], finished: [Job]) {
        self.counts = counts
        self.finished = finished
    }

    /// Reads the counts and the jobs finished in the `window` before `now` (at most `limit` of them).
    public static func read(from queue: some JobQueue, window: Duration, now: Date = Date(), limit: Int = 100_000) async throws -> FirmMetrics {
        FirmMetrics(counts: try await queue.counts(), finished: try await queue.finished(since: now.addingTimeInterval(-window.seconds), limit: limit))
    }

    /// The Prometheus text exposition.
    public func exposition() -> String {
        let registry = PrometheusCollectorRegistry()
        let jobs = MetricNameDescriptor(metricName: "closer_firm_jobs", unitName: "", helpText: "Jobs in the queue by state (failed: waiting for a retry; dead: attempts spent).")
        for state in JobState.allCases {
            registry.makeGauge(descriptor: jobs, labels: [("state", state.rawValue)]).set(to: Double(counts[state] ?? 0))
        }
        let buckets: [Double] = [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600, 14_400]
        let wait = MetricNameDescriptor(metricName: "closer_firm_queue_wait", unitName: "seconds",
                                        helpText: "Finished jobs in the window: from when the job could run (its not-before) to its last lease, by kind.")
        let run = MetricNameDescriptor(metricName: "closer_firm_job_run", unitName: "seconds",
                                       helpText: "Finished jobs in the window: from their last lease to their end, by kind and outcome.")
        for job in finished {
            guard let leasedAt = job.leasedAt, let finishedAt = job.finishedAt else { continue }
            let ready = max(job.notBefore, job.enqueuedAt)
            registry.makeValueHistogram(descriptor: wait, labels: [("kind", job.kind.rawValue)], buckets: buckets)
                .record(max(0, leasedAt.timeIntervalSince(ready)))
            registry.makeValueHistogram(descriptor: run, labels: [("kind", job.kind.rawValue), ("state", job.state.rawValue)], buckets: buckets)
                .record(max(0, finishedAt.timeIntervalSince(leasedAt)))
        }
        let close = MetricNameDescriptor(metricName: "closer_firm_close", unitName: "seconds",
                                         helpText: "Closes packaged in the window: from the pull being asked for to the package written, by tenant and period.")
        for (key, seconds) in closeDurations() {
            registry.makeGauge(descriptor: close, labels: [("period", key.period), ("tenant", key.tenant)]).set(to: seconds)
        }
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    struct CloseKey: Hashable {
        var tenant: String
        var period: String
    }

    /// Each tenant's and period's close whose pull and package both finished in the window (the latest run
    /// of each, when a close was asked for again).
    func closeDurations() -> [CloseKey: Double] {
        var asked: [CloseKey: Date] = [:]
        var packaged: [CloseKey: Date] = [:]
        for job in finished where job.state == .succeeded {
            guard let period = job.period, let finishedAt = job.finishedAt else { continue }
            let key = CloseKey(tenant: job.tenant, period: period.description)
            switch job.kind {
            case .pull: asked[key] = max(asked[key] ?? job.enqueuedAt, job.enqueuedAt)
            case .package: packaged[key] = max(packaged[key] ?? finishedAt, finishedAt)
            default: break
            }
        }
        return packaged.reduce(into: [:]) { durations, entry in
            guard let start = asked[entry.key], start <= entry.value else { return }
            durations[entry.key] = entry.value.timeIntervalSince(start)
        }
    }
}
