import Foundation

/// One entry of the audit trail: who did what to which records, with what outcome.
/// Events are appended only; each one's hash covers its content and the previous event's hash.
public struct AuditEvent: Hashable, Sendable, Codable {
    public var seq: Int64
    public var eventID: String
    public var recordedAt: String
    public var actor: String
    public var action: String
    public var targets: [AuditTarget]
    /// JSON text, already free of secrets (see `AuditPayload`).
    public var payload: String
    public var outcome: String
    public var previousHash: String
    public var hash: String
}

/// A record an event is about, e.g. an Odoo move or a Closer run.
public struct AuditTarget: Hashable, Sendable, Codable {
    public var model: String
    public var id: String
    public var name: String?

    public init(model: String, id: String, name: String? = nil) {
        self.model = model
        self.id = id
        self.name = name
    }
}

/// What the caller hands in to record an event; the store assigns sequence, time and hashes.
public struct NewAuditEvent: Sendable {
    public var actor: String
    public var action: String
    public var targets: [AuditTarget]
    public var payload: AuditPayload
    public var outcome: String

    public init(actor: String, action: String, targets: [AuditTarget] = [], payload: AuditPayload = [:], outcome: String = "ok") {
        self.actor = actor
        self.action = action
        self.targets = targets
        self.payload = payload
        self.outcome = outcome
    }
}
