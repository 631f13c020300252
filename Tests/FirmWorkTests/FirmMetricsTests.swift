import FirmWork
import Foundation
import Hummingbird
import HummingbirdTesting
import JobQueue
import Ledger
import PostgresSupport
import Testing

/// The firm's Prometheus figures, read from a real PostgreSQL queue: jobs by state, wait and run time of the
/// jobs finished in the window, and a close's time only for a tenant whose package is written.
@Suite(.enabled(if: PostgresTestServer.enabled, "skipped: no PostgreSQL (CLOSER_TEST_POSTGRES_URL)"))
struct FirmMetricsTests {
    static let period = try! Period(parsing: "2026-10")

    /// Runs a job through its lease to `outcome` (once per attempt when it fails).
    static func run(_ kind: JobKind, for tenant: String, on queue: PostgresJobQueue, outcome: JobOutcome = .succeeded, maxAttempts: Int = 5) async throws {
        _ = try await queue.enqueue(try EnqueueRequest(tenant: tenant, kind: kind, period: period, maxAttempts: maxAttempts))
        let lease = try #require(try await queue.lease(worker: "w", for: .seconds(60), kinds: [kind]))
        #expect(lease.job.leasedAt != nil, "a lease records when it began")
        try await queue.complete(lease, outcome)
    }

    static func line(_ text: String, startingWith prefix: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init)
    }

    @Test func figuresComeFromTheQueueAndOnlyAPackagedCloseHasATime() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            let began = Date()
            for kind in [JobKind.pull, .check, .package] { try await Self.run(kind, for: "alpha", on: queue) }
            let ran = Date().timeIntervalSince(began)
            try await Self.run(.pull, for: "beta", on: queue)
            try await Self.run(.check, for: "beta", on: queue, outcome: .failed(error: "the ledger is out of balance"), maxAttempts: 1)
            _ = try await queue.enqueue(try EnqueueRequest(tenant: "gamma", kind: .pull, period: Self.period))

            let text = try await FirmMetrics.read(from: queue, window: .seconds(3600)).exposition()
            #expect(Self.line(text, startingWith: #"closer_firm_jobs{state="succeeded"}"#) == #"closer_firm_jobs{state="succeeded"} 4.0"#)
            #expect(Self.line(text, startingWith: #"closer_firm_jobs{state="dead"}"#) == #"closer_firm_jobs{state="dead"} 1.0"#)
            #expect(Self.line(text, startingWith: #"closer_firm_jobs{state="queued"}"#) == #"closer_firm_jobs{state="queued"} 1.0"#)
            #expect(Self.line(text, startingWith: #"closer_firm_queue_wait_seconds_count{kind="pull"}"#) == #"closer_firm_queue_wait_seconds_count{kind="pull"} 2"#)
            #expect(Self.line(text, startingWith: #"closer_firm_job_run_seconds_count{kind="check",state="dead"}"#) != nil)
            let close = try #require(Self.line(text, startingWith: #"closer_firm_close_seconds{period="2026-10",tenant="alpha"}"#))
            let seconds = try #require(Double(close.split(separator: " ").last ?? ""))
            #expect(seconds >= 0 && seconds <= ran + 1, "from the pull's enqueueing to the package's end: within the \(ran) s the test took")
            #expect(!text.contains(#"tenant="beta""#) && !text.contains(#"tenant="gamma""#), "no close time for a tenant not yet packaged")

            let later = try await FirmMetrics.read(from: queue, window: .seconds(3600), now: Date().addingTimeInterval(7200))
            #expect(later.finished.isEmpty && later.counts[.succeeded] == 4, "jobs finished before the window leave the timings, not the counts")
        }
    }

    @Test func theScrapeTargetServesTheExposition() async throws {
        try await PostgresTestServer.withQueue(policy: try PostgresTestServer.policy()) { queue in
            try await Self.run(.pull, for: "alpha", on: queue)
            let app = Application(router: FirmMetricsServer(queue: queue, window: .seconds(3600)).router())
            try await app.test(.router) { client in
                try await client.execute(uri: "/metrics", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                    #expect(String(buffer: response.body).contains(#"closer_firm_jobs{state="succeeded"} 1.0"#))
                }
            }
        }
    }
}
