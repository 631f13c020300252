public import Foundation

/// One event on its way to one target. `pending` waits for its next attempt; `delivered` got a 2xx;
/// `dead` gave up after the last attempt and waits in the dead-letter list for an admin to re-queue it.
public struct WebhookDelivery: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable {
        case pending, delivered, dead
    }

    public var id: Int64
    public var eventKey: String
    public var eventType: WebhookEventType
    public var targetURL: String
    /// The exact JSON body sent (and signed) on every attempt.
    public var payload: String
    public var status: Status
    public var attempts: Int
    /// UTC text; when the next attempt is due (for a pending delivery).
    public var nextAttemptAt: String
    /// Why the last attempt failed, e.g. "HTTP 503" or "timed out after 10 s" (never a secret).
    public var lastError: String?
    public var createdAt: String
    public var updatedAt: String
    public var deliveredAt: String?

    /// The target without its query or user info, which may carry a token: what audit events and lists show.
    public var targetDisplay: String {
        guard var parts = URLComponents(string: targetURL) else { return "(invalid URL)" }
        (parts.query, parts.user, parts.password, parts.fragment) = (nil, nil, nil, nil)
        return parts.string ?? "(invalid URL)"
    }
}

/// What one delivery attempt came to, as the dispatcher records it.
public enum DeliveryAttemptOutcome: Sendable, Hashable {
    case delivered
    /// Failed; tried again at `retryAt`, or moved to the dead letters when nil.
    case failed(error: String, retryAt: Date?)
}
