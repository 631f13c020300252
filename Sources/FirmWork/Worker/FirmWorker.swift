public import CloseSettings
import Foundation
public import JobQueue
import CloseStore
import Ledger

/// `closer worker`: takes close steps from the shared queue, one at a time, for any tenant of the firm's
/// tenants file, on as many machines as the firm runs it. Each job runs under a lease kept alive by a
/// heartbeat; a worker that loses its lease (paused too long, cut off) discards what it was doing, and a
/// killed worker's job goes to another once the lease expires. Asked to drain, it takes no new job and
/// finishes the one it holds within `drainGrace`, or gives it back to the queue.
public struct FirmWorker: Sendable {
    public var name: String
    public var queue: any JobQueue
    public var tenants: TenantsFile
    public var runner: TenantStepRunner
    public var leaseDuration: Duration
    public var drainGrace: Duration
    /// Stop after this long without a job (benchmarks, tests); nil: wait for work until drained.
    public var exitWhenIdleFor: Duration?
    public var log: @Sendable (String) -> Void

    public init(name: String, queue: any JobQueue, tenants: TenantsFile, runner: TenantStepRunner, leaseDuration: Duration = .seconds(120),
                drainGrace: Duration = .seconds(30), exitWhenIdleFor: Duration? = nil, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.name = name
        self.queue = queue
        self.tenants = tenants
        self.runner = runner
        self.leaseDuration = leaseDuration
        self.drainGrace = drainGrace
        self.exitWhenIdleFor = exitWhenIdleFor
        self.log = log
    }

    /// Works until drained (or idle for `exitWhenIdleFor`); returns what it did.
    public func run(drain: DrainSignal) async throws -> [JobRecord] {
        var records: [JobRecord] = []
        var idleSince = ContinuousClock.now
        let kinds = Set(CloseStep.sequence)
        while !drain.isRequested {
            guard let lease = try await queue.lease(worker: name, for: leaseDuration, kinds: kinds) else {
                if let idle = exitWhenIdleFor, ContinuousClock.now - idleSince >= idle { break }
                try await queue.waitForWork(kinds: kinds, timeout: min(exitWhenIdleFor ?? .seconds(5), .seconds(5)))
                continue
            }
            let record = try await process(lease, drain: drain)
            log("\(lease.job.label): \(record.outcome.rawValue), \(record.detail) in \(String(format: "%.2f", record.ranSeconds)) s "
                + "(waited \(String(format: "%.2f", record.waitedSeconds)) s)")
            records.append(record)
            idleSince = ContinuousClock.now
        }
        return records
    }

    private enum Ending: Sendable {
        case finished(Result<String, any Error>)
        case leaseLost(String)
        case drainTimedOut
    }

    /// Runs the leased step beside its heartbeat and the drain's deadline; whichever ends first decides.
    func process(_ lease: Lease, drain: DrainSignal) async throws -> JobRecord {
        let job = lease.job
        let leasedAt = lease.expiresAt.addingTimeInterval(-leaseDuration.seconds)
        let waited = max(0, leasedAt.timeIntervalSince(job.notBefore))
        let started = ContinuousClock.now
        let ending = await withTaskGroup(of: Ending?.self) { group in
            group.addTask {
                do { return .finished(.success(try await step(lease))) } catch { return .finished(.failure(error)) }
            }
            group.addTask { await heartbeat(lease) }
            group.addTask {
                do {
                    try await drain.wait()
                    try await Task.sleep(for: drainGrace)
                    return .drainTimedOut
                } catch { return nil }
            }
            var first: Ending?
            for await ending in group where ending != nil {
                first = ending
                break
            }
            group.cancelAll()
            return first ?? .drainTimedOut
        }
        let ran = (ContinuousClock.now - started).seconds
        func record(_ outcome: JobRecord.Outcome, _ detail: String) -> JobRecord {
            JobRecord(job: job.id, tenant: job.tenant, kind: job.kind, waitedSeconds: waited, ranSeconds: ran, outcome: outcome, detail: detail)
        }
        do {
            switch ending {
            case .finished(.success(let detail)):
                // The next step first: killed between the two, the rerun asks for the same next job again.
                if let next = CloseStep.next(after: job.kind) {
                    let tenant = try tenants.tenant(job.tenant)
                    _ = try await queue.enqueue(EnqueueRequest(tenant: job.tenant, kind: next, period: job.period, idempotencyKey: job.idempotencyKey,
                                                           payload: job.payload, priority: job.priority, maxAttempts: job.maxAttempts,
                                                           odooHost: next == .pull ? tenant.odooHost : nil))
                }
                try await queue.complete(lease, .succeeded)
                return record(.succeeded, detail)
            case .finished(.failure(let error)):
                try await queue.complete(lease, .failed(error: String(describing: error)))
                return record(.failed, String(describing: error))
            case .leaseLost(let reason):
                return record(.leaseLost, reason)
            case .drainTimedOut:
                try await queue.release(lease)
                return record(.released, "given back after the drain's grace of \(drainGrace)")
            }
        } catch let error as JobQueueError {
            if case .leaseLost = error { return record(.leaseLost, String(describing: error)) }
            throw error
        }
    }

    private func step(_ lease: Lease) async throws -> String {
        let job = lease.job
        guard let period = job.period else { throw FirmWorkError.noPeriod(job.label) }
        return try await runner.run(job.kind, for: try tenants.tenant(job.tenant), period: period, payload: try CloseJobPayload(text: job.payload),
                                    fence: StoreFence(job: "job \(job.id)", token: lease.token))
    }

    /// Extends the lease every third of its length; returns only when the queue refuses it (another worker
    /// holds the job) or when cancelled (the step ended).
    private func heartbeat(_ lease: Lease) async -> Ending? {
        var current = lease
        while true {
            do { try await Task.sleep(for: leaseDuration / 3) } catch { return nil }
            do {
                current = try await queue.extend(current, by: leaseDuration)
            } catch is CancellationError {
                return nil
            } catch let error as JobQueueError {
                if case .leaseLost = error { return .leaseLost(String(describing: error)) }
                log("\(lease.job.label): heartbeat failed (\(error)); trying again")
            } catch {
                log("\(lease.job.label): heartbeat failed (\(error)); trying again")
            }
        }
    }
}
