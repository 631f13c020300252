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
}
