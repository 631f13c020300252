/// Tuning for `OdooClient`.
public struct OdooClientOptions: Sendable {
    public var timeout: Duration
    public var retry: RetryPolicy
    /// Records per `search_read` page.
    public var pageSize: Int
    /// Calls one client keeps in flight at once, across everything it reads (independent reads and the
    /// id-range slices of a large `searchRead`). Odoo's `workers` cannot be read through the API, so the
    /// default is conservative: 2 overlaps one call's transfer and decoding with another's serving, which a
    /// threaded server (workers = 0) or one with two workers takes; raise it for a server with more workers.
    public var maxConcurrentCalls: Int
    /// Sees every call's latency and outcome (the server's metrics); nil for none.
    public var observer: (any OdooCallObserver)?

    public init(timeout: Duration = .seconds(60), retry: RetryPolicy = RetryPolicy(), pageSize: Int = 2000, maxConcurrentCalls: Int = 2,
                observer: (any OdooCallObserver)? = nil) {
        self.timeout = timeout
        self.retry = retry
        self.pageSize = max(1, pageSize)
        self.maxConcurrentCalls = max(1, maxConcurrentCalls)
        self.observer = observer
    }
}
