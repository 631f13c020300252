/// The limits every worker of one queue must share: caps on leased jobs and the retry back-off.
public struct JobQueuePolicy: Hashable, Sendable {
    /// Leased jobs of one tenant at a time.
    public var maxLeasedPerTenant: Int
    /// Leased jobs calling one Odoo host at a time: Odoo servers are small.
    public var maxLeasedPerOdooHost: Int
    /// A failed attempt's retry waits this long, doubled for each attempt before it, up to `maxRetryDelay`.
    public var retryDelay: Duration
    public var maxRetryDelay: Duration

    public init(maxLeasedPerTenant: Int = 2, maxLeasedPerOdooHost: Int = 4, retryDelay: Duration = .seconds(30), maxRetryDelay: Duration = .seconds(3600)) throws {
        guard maxLeasedPerTenant >= 1, maxLeasedPerOdooHost >= 1 else {
            throw JobQueueError.invalidRequest("the job queue's caps are \(maxLeasedPerTenant) per tenant and \(maxLeasedPerOdooHost) per Odoo host: give each at least 1")
        }
        guard retryDelay >= .zero, maxRetryDelay >= retryDelay else {
            throw JobQueueError.invalidRequest("the retry delay must be zero or more and no longer than the longest retry delay")
        }
        self.maxLeasedPerTenant = maxLeasedPerTenant
        self.maxLeasedPerOdooHost = maxLeasedPerOdooHost
        self.retryDelay = retryDelay
        self.maxRetryDelay = maxRetryDelay
    }
}
