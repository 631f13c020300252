/// The result of checking the audit trail's hash chain from the first event to the head, and the signed
/// checkpoints that anchor it.
public struct AuditVerification: Sendable, Codable, Equatable {
    /// The file verified (SQLite's integrity check included).
    public var store: String?
    public var eventCount: Int
    public var problems: [AuditProblem]
    public var anchoring: AuditAnchoring = AuditAnchoring(status: .notConfigured)

    public var isIntact: Bool { problems.isEmpty }
}

/// One way the trail was found broken, naming the event (and the checkpoint) so an auditor can look at it.
public struct AuditProblem: Sendable, Codable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        case edited, missing, reordered, truncated, guardRemoved, damaged
        /// The chain no longer holds the hash a signed head names at its position.
        case rewritten
        /// A checkpoint signed by a key the verifier does not trust, or whose signature does not verify.
        case untrustedKey, badSignature
        /// Checkpoints deleted, none made while a key is trusted, or no key given to check them.
        case checkpointMissing, unanchored, noTrustedKey
        /// A head published outside the store could not be read or is not in the store.
        case publishedHead
    }

    public var kind: Kind
    public var seq: Int64?
    public var eventID: String?
    public var action: String?
    public var checkpoint: Int64?
    public var detail: String

    public init(kind: Kind, seq: Int64? = nil, eventID: String? = nil, action: String? = nil, checkpoint: Int64? = nil, detail: String) {
        self.kind = kind
        self.seq = seq
        self.eventID = eventID
        self.action = action
        self.checkpoint = checkpoint
        self.detail = detail
    }

    public var description: String {
        let event = seq.map { "event #\($0)" + (action.map { " (\($0))" } ?? "") + (eventID.map { " id \($0)" } ?? "") }
        return [event, detail].compactMap { $0 }.joined(separator: ": ")
    }
}
