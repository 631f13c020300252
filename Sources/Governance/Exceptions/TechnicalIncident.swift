public import Foundation

/// Something broken in the machinery rather than in the books — Odoo not answering, a webhook that gave up, a run
/// that failed. It pages the administrator and is kept apart from the business exceptions people decide.
public struct TechnicalIncident: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case odooUnreachable = "odoo-unreachable"
        case webhookDeadLetter = "webhook-dead-letter"
        case runFailed = "run-failed"
    }

    public var kind: Kind
    /// Stable while the incident stands, so it pages once: "scheduled-run/42", "webhook-delivery/7".
    public var key: String
    public var subject: String
    /// The error as recorded (never a secret: runs and deliveries store none).
    public var detail: String
    public var since: Date
    /// Always the administrator: incidents are theirs to fix.
    public var owner: String { "admin" }

    public init(kind: Kind, key: String, subject: String, detail: String, since: Date) {
        self.kind = kind
        self.key = key
        self.subject = subject
        self.detail = detail
        self.since = since
    }
}
