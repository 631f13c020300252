/// Exponential backoff with full jitter for transient failures.
public struct RetryPolicy: Sendable {
    /// Total attempts including the first.
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    public var jitter: Bool

    public init(maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(8), jitter: Bool = true) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
    }

    public static let singleAttempt = RetryPolicy(maxAttempts: 1)

    /// The pause before attempt `attempt + 1` (attempt counts from 1).
    func delay(after attempt: Int) -> Duration {
        let exponential = baseDelay * (1 << min(attempt - 1, 30))
        let capped = min(exponential, maxDelay)
        guard jitter else { return capped }
        // Half fixed, half random: spreads concurrent clients without collapsing to zero.
        return capped / 2 + capped / 2 * Double.random(in: 0...1)
    }
}
