public import Foundation
public import Ledger

/// A job as the queue holds it.
public struct Job: Identifiable, Hashable, Sendable {
    public typealias ID = Int64

    public var id: ID
    public var tenant: String
    public var kind: JobKind
    public var period: Period?
    public var idempotencyKey: String
    /// What the worker needs beyond tenant, kind and period (a webhook's body, say); opaque to the queue.
    public var payload: String?
    /// Higher first.
    public var priority: Int
    public var notBefore: Date
    public var maxAttempts: Int
    /// Leases taken so far, the current one included.
    public var attempts: Int
    /// The Odoo server the job calls, for the per-host cap; nil when it calls none.
    public var odooHost: String?
    public var state: JobState
    /// The fencing counter: raised by every lease, so the latest lease's token is the only one accepted.
    public var fence: Int64
    public var leasedBy: String?
    public var leaseExpiresAt: Date?
    public var lastError: String?
    public var enqueuedAt: Date
    public var finishedAt: Date?
    /// When the latest lease began (nil before the first).
    public var leasedAt: Date?

    public init(id: ID, tenant: String, kind: JobKind, period: Period?, idempotencyKey: String, payload: String?, priority: Int, notBefore: Date,
                maxAttempts: Int, attempts: Int, odooHost: String?, state: JobState, fence: Int64, leasedBy: String?, leaseExpiresAt: Date?,
                lastError: String?, enqueuedAt: Date, finishedAt: Date?, leasedAt: Date? = nil) {
        self.id = id
        self.tenant = tenant
        self.kind = kind
        self.period = period
        self.idempotencyKey = idempotencyKey
        self.payload = payload
        self.priority = priority
        self.notBefore = notBefore
        self.maxAttempts = maxAttempts
        self.attempts = attempts
        self.odooHost = odooHost
        self.state = state
        self.fence = fence
        self.leasedBy = leasedBy
        self.leaseExpiresAt = leaseExpiresAt
        self.lastError = lastError
        self.enqueuedAt = enqueuedAt
        self.finishedAt = finishedAt
        self.leasedAt = leasedAt
    }

    /// "job 12 (pull for acme, 2026-10)": how errors name a job.
    public var label: String {
        "job \(id) (\(kind.rawValue) for \(tenant)\(period.map { ", \($0)" } ?? ""))"
    }
}
