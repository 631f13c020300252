public import CloseSettings
public import JobQueue
public import Ledger

/// Asks the queue for tenants' closes of a period: the first step (the pull) of each; the workers chain the
/// rest. Asking twice makes one close (the idempotency key is the period, or the period and `again` when a
/// close of the same period is run anew).
public struct CloseEnqueuer: Sendable {
    public var queue: any JobQueue

    public init(queue: any JobQueue) {
        self.queue = queue
    }

    public func enqueue(_ tenants: [Tenant], period: Period, payload: CloseJobPayload = CloseJobPayload(), again: String? = nil,
                        priority: Int = 0) async throws -> [Enqueued] {
        var enqueued: [Enqueued] = []
        for tenant in tenants {
            enqueued.append(try await queue.enqueue(EnqueueRequest(
                tenant: tenant.id, kind: CloseStep.sequence[0], period: period, idempotencyKey: again.map { "\(period)#\($0)" } ?? period.description,
                payload: payload.text, priority: priority, odooHost: tenant.odooHost)))
        }
        return enqueued
    }

    /// One close a calendar asked for.
    public struct DueClose: Sendable {
        public var tenant: Tenant
        public var period: Period
        public var deadline: LocalDate
        public var enqueued: Enqueued
    }

    /// The closes the tenants' calendars say are under way on `day` (the month just ended, from its first working
    /// day), the nearer deadline first in the queue. Run as often as you like (hourly from cron): a tenant's close of
    /// a period is asked for once. Tenants without a calendar are left out.
    public func enqueueDue(_ tenants: [Tenant], on day: LocalDate, payload: CloseJobPayload = CloseJobPayload()) async throws -> [DueClose] {
        var due: [DueClose] = []
        for tenant in tenants {
            guard let calendar = tenant.calendar, let period = calendar.periodToClose(on: day) else { continue }
            let enqueued = try await enqueue([tenant], period: period, payload: payload, priority: -calendar.deadlineWorkingDay)
            due.append(DueClose(tenant: tenant, period: period, deadline: calendar.deadline(closing: period), enqueued: enqueued[0]))
        }
        return due
    }
}
