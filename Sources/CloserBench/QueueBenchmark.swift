import Foundation
import JobQueue
import Ledger
import PostgresAccess
import PostgresNIO

/// The job queue's bar: 10,000 jobs of 200 tenants (on 20 Odoo hosts, so the caps' locks are taken) drained
/// by 1, 2 and 4 concurrent workers doing no work, as jobs/s and the lease's latency percentiles. Runs on
/// the PostgreSQL of CLOSER_BENCH_POSTGRES_URL (else CLOSER_TEST_POSTGRES_URL), in a schema it drops after.
///   swift build -c release --product closer-bench && .build/release/closer-bench queue
enum QueueBenchmark {
    static let schema = "closer_bench_queue"

    static func run(jobs: Int = 10_000, tenants: Int = 200, hosts: Int = 20, workerCounts: [Int] = [1, 2, 4]) async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["CLOSER_BENCH_POSTGRES_URL"] ?? environment["CLOSER_TEST_POSTGRES_URL"] else {
            print("skipped: set CLOSER_BENCH_POSTGRES_URL (or CLOSER_TEST_POSTGRES_URL) to a PostgreSQL database the benchmark may use")
            return
        }
        let client = PostgresClient(configuration: try PostgresURL.configuration(url))
        let policy = try JobQueuePolicy(maxLeasedPerTenant: 2, maxLeasedPerOdooHost: 4)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            for workers in workerCounts {
                try await client.query("DROP SCHEMA IF EXISTS \(unescaped: schema) CASCADE")
                let queue = try await PostgresJobQueue.open(client: client, schema: schema, policy: policy)
                let enqueueing = try await enqueue(jobs, tenants: tenants, hosts: hosts, into: queue)
                let began = ContinuousClock.now
                var latencies = try await drain(queue, workers: workers)
                let seconds = (ContinuousClock.now - began).seconds
                latencies.sort()
                let percentile = { (share: Double) in latencies[min(latencies.count - 1, Int(Double(latencies.count) * share))] }
                print(String(format: "%d worker%@: %@ jobs drained in %.2f s, %.0f jobs/s; lease p50 %.2f ms, p99 %.2f ms (enqueued at %.0f jobs/s)",
                             workers, workers == 1 ? "" : "s", latencies.count.formatted(), seconds, Double(latencies.count) / seconds,
                             percentile(0.5), percentile(0.99), enqueueing))
                try await client.query("DROP SCHEMA \(unescaped: schema) CASCADE")
            }
        }
    }

    /// Enqueues from 4 tasks at once; returns jobs per second.
    private static func enqueue(_ jobs: Int, tenants: Int, hosts: Int, into queue: PostgresJobQueue) async throws -> Double {
        let began = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<4 {
                group.addTask {
                    for number in stride(from: lane, to: jobs, by: 4) {
                        let tenant = number % tenants
                        _ = try await queue.enqueue(try EnqueueRequest(tenant: "tenant-\(tenant)", kind: .check, period: nil, idempotencyKey: "job-\(number)",
                                                                       priority: number % 3, odooHost: "odoo-\(tenant % hosts).example.com"))
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(jobs) / (ContinuousClock.now - began).seconds
    }

    /// Each worker leases and completes until the queue is empty; returns every lease's latency in ms.
    private static func drain(_ queue: PostgresJobQueue, workers: Int) async throws -> [Double] {
        try await withThrowingTaskGroup(of: [Double].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var latencies: [Double] = []
                    while true {
                        let began = ContinuousClock.now
                        guard let lease = try await queue.lease(worker: "bench-\(worker)", for: .seconds(60), kinds: [.check]) else { break }
                        latencies.append((ContinuousClock.now - began).seconds * 1000)
                        try await queue.complete(lease, .succeeded)
                    }
                    return latencies
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }
}
