public import Governance
public import Ledger

/// An exception a live review of Odoo found (an expense over policy, a segregation-of-duties conflict), as the store
/// keeps it between reviews: when it was first and last seen, and when a review no longer found it.
public struct ExceptionSighting: Sendable, Codable, Hashable {
    public var sourceKey: SourceKey
    public var family: ExceptionFamily
    /// Stable across reviews: the same problem on the same records gives the same fingerprint.
    public var fingerprint: String
    public var kind: String
    public var subject: String
    public var reason: String
    public var record: RecordRef?
    /// The record's own decider when the review knows one (an expense report's manager), else nil: the policy's owner.
    public var owner: String?
    public var firstSeenAt: String
    public var lastSeenAt: String
    public var resolvedAt: String?

    public init(sourceKey: SourceKey, family: ExceptionFamily, fingerprint: String, kind: String, subject: String, reason: String,
                record: RecordRef?, owner: String?, firstSeenAt: String = "", lastSeenAt: String = "", resolvedAt: String? = nil) {
        self.sourceKey = sourceKey
        self.family = family
        self.fingerprint = fingerprint
        self.kind = kind
        self.subject = subject
        self.reason = reason
        self.record = record
        self.owner = owner
        self.firstSeenAt = firstSeenAt
        self.lastSeenAt = lastSeenAt
        self.resolvedAt = resolvedAt
    }

    /// "model#id" of the record, what a review's scope names.
    public var recordKey: String? { record.map { "\($0.model)#\($0.id)" } }
}

/// What one review changed: the sightings new (or back after being resolved), and those no longer found.
public struct ExceptionSweep: Sendable, Hashable {
    public var opened: [ExceptionSighting] = []
    public var resolved: [ExceptionSighting] = []

    public init() {}
}
