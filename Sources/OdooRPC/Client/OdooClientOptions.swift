/// Tuning for `OdooClient`.
public struct OdooClientOptions: Sendable {
    public var timeout: Duration
    public var retry: RetryPolicy
    /// Records per `search_read` page.
    public var pageSize: Int
    /// Concurrent requests one `searchRead` may issue.
    public var maxConcurrency: Int
    /// Sees every call's latency and outcome (the server's metrics); nil for none.
    public var observer: (any OdooCallObserver)?

    public init(timeout: Duration = .seconds(60), retry: RetryPolicy = RetryPolicy(), pageSize: Int = 2000, maxConcurrency: Int = 4,
                observer: (any OdooCallObserver)? = nil) {
        self.timeout = timeout
        self.retry = retry
        self.pageSize = max(1, pageSize)
        self.maxConcurrency = max(1, maxConcurrency)
        self.observer = observer
    }
}
