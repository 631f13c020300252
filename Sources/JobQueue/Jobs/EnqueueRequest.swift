public import Foundation
public import Ledger

/// A job to add. Enqueueing is idempotent on (tenant, kind, idempotency key): the key defaults to the
/// period, so "pull acme 2026-10" is one job however often the scheduler and the API ask for it.
public struct EnqueueRequest: Hashable, Sendable {
    public var tenant: String
    public var kind: JobKind
    public var period: Period?
    public var idempotencyKey: String
    public var payload: String?
    public var priority: Int
    /// Not leased before this moment; nil: at once.
    public var notBefore: Date?
    public var maxAttempts: Int
    public var odooHost: String?

    public init(tenant: String, kind: JobKind, period: Period?, idempotencyKey: String? = nil, payload: String? = nil, priority: Int = 0,
                notBefore: Date? = nil, maxAttempts: Int = 5, odooHost: String? = nil) throws {
        guard !tenant.isEmpty else { throw JobQueueError.invalidRequest("a job needs a tenant: name the client database it works on") }
        guard let key = idempotencyKey ?? period?.description, !key.isEmpty else {
            throw JobQueueError.invalidRequest("a \(kind.rawValue) job for \(tenant) needs a period or an idempotency key, so that asking twice does not run it twice")
        }
        guard maxAttempts >= 1 else {
            throw JobQueueError.invalidRequest("maxAttempts is \(maxAttempts) for a \(kind.rawValue) job of \(tenant): give it at least 1")
        }
        self.tenant = tenant
        self.kind = kind
        self.period = period
        self.idempotencyKey = key
        self.payload = payload
        self.priority = priority
        self.notBefore = notBefore
        self.maxAttempts = maxAttempts
        self.odooHost = odooHost.map(Self.normalisedHost)
    }

    /// One spelling per server, so "ERP.example.com" and "erp.example.com" share a cap.
    static func normalisedHost(_ host: String) -> String { host.lowercased() }
}
