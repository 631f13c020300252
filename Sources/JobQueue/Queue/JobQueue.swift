public import Foundation

/// The job queue the workers share, small so another engine can replace PostgreSQL's.
///
/// Guarantees every engine keeps: enqueue is idempotent on (tenant, kind, idempotency key); a job is
/// leased by one worker at a time, highest priority first, never before its `notBefore`, and never past
/// the policy's per-tenant and per-Odoo-host caps; every lease raises the job's fencing counter and only
/// the latest token may extend or complete; an expired lease goes back to the queue (or to the dead
/// letter once its attempts are spent).
public protocol JobQueue: Sendable {
    /// Adds the job, or returns the one already enqueued under the same tenant, kind and idempotency key.
    func enqueue(_ request: EnqueueRequest) async throws -> Enqueued

    /// The next job this worker may run among `kinds`, leased for `duration`; nil when none is ready
    /// (or every ready one is held back by a cap).
    func lease(worker: String, for duration: Duration, kinds: Set<JobKind>) async throws -> Lease?

    /// Extends the lease to `duration` from now (the heartbeat). Throws `JobQueueError.leaseLost` if the
    /// token is no longer the job's latest.
    func extend(_ lease: Lease, by duration: Duration) async throws -> Lease

    /// Records the outcome. Throws `JobQueueError.leaseLost` if the token is no longer the job's latest:
    /// the caller must then discard its results.
    @discardableResult
    func complete(_ lease: Lease, _ outcome: JobOutcome) async throws -> Job

    /// Gives the job back unfinished (a worker draining on shutdown): queued again at once, the attempt not
    /// counted, the fencing counter unchanged so this lease's token is stale. Throws `JobQueueError.leaseLost`
    /// if the token is no longer the job's latest.
    @discardableResult
    func release(_ lease: Lease) async throws -> Job
    /// Puts jobs whose lease expired back in the queue, or in the dead letter when their attempts are
    /// spent. Returns how many it moved. Leasing does this too, so a reaper is optional.
    @discardableResult
    func requeueExpiredLeases() async throws -> Int

    func job(_ id: Job.ID) async throws -> Job?

    /// Jobs in one state, oldest first, for the console and the dead-letter review.
    func jobs(in state: JobState, limit: Int) async throws -> [Job]

    /// One tenant's latest jobs, newest first, for the firm console.
    func jobs(tenant: String, limit: Int) async throws -> [Job]

    /// How many jobs are in each state (every state present, zero included), for metrics.
    func counts() async throws -> [JobState: Int]

    /// Jobs finished for good (succeeded or dead) at or after `since`, newest first (a limit keeps the latest), for metrics.
    func finished(since: Date, limit: Int) async throws -> [Job]

    /// Waits until work among `kinds` may be ready: returns at once if a job can be leased now, when
    /// another process enqueues, requeues or completes a job, when the next delayed job or lease comes
    /// due, or after `timeout`.
    @discardableResult
    func waitForWork(kinds: Set<JobKind>, timeout: Duration) async throws -> WorkSignal
}
