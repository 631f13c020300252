import Ledger
import Foundation

/// When a failed delivery is tried again: exponential backoff from `base`, doubled per attempt, capped,
/// with up to `jitter` of the delay added at random so many failed deliveries do not retry in lockstep.
/// After `maxAttempts` attempts the delivery is dead.
public struct WebhookRetryPolicy: Sendable {
    public static let defaultMaxAttempts = 8

    public var maxAttempts: Int
    public var base: Duration
    public var cap: Duration
    /// The largest share of the delay added at random, 0…1.
    public var jitter: Double

    public init(maxAttempts: Int = WebhookRetryPolicy.defaultMaxAttempts, base: Duration = .seconds(30), cap: Duration = .seconds(6 * 3600),
                jitter: Double = 0.2) {
        self.maxAttempts = maxAttempts
        self.base = base
        self.cap = cap
        self.jitter = jitter
    }

    /// The delay before the next attempt after `attempts` failed ones, or nil when none is left.
    /// `random` is a number in 0..<1 (injected, so tests see exact delays).
    public func delay(afterAttempts attempts: Int, random: Double) -> Duration? {
        guard attempts < maxAttempts else { return nil }
        let exponential = base.seconds * pow(2, Double(max(0, attempts - 1)))
        let bounded = min(cap.seconds, exponential)
        return .milliseconds(Int64((min(cap.seconds, bounded * (1 + jitter * random)) * 1000).rounded()))
    }
}
