public import Governance
/// How an entry in Odoo came to be, as Closer's store and audit trail record it: each proposal
/// that wrote it (an adjusting entry, or a bank match that rewrote a statement entry), who prepared
/// it, who approved which version (by evidence hash and role), who applied it, and the audit events.
public struct EntryProvenance: Sendable, Codable, Hashable {
    public struct Proposal: Sendable, Codable, Hashable {
        /// As stored: an adjusting entry's status (`AdjustmentStatus`) or a bank match's (`MatchProposalStatus`).
        public enum Status: String, Sendable, Codable {
            case proposed, approved, rejected, applied, failed, withdrawn, superseded
            case rolledBack = "rolled-back"
        }

        public var ref: ProposalRef
        public var title: String
        public var status: Status
        public var preparedBy: String?
        /// The hash of the version that was written.
        public var evidenceSHA256: String
        public var approvals: [RecordedApproval]
        /// The write-back batch that created the entry and who ran it (adjusting entries only).
        public var batchID: Int64?
        public var appliedBy: String?
        public var events: [AuditEventSummary]
    }

    public var odooMoveID: Int
    public var proposals: [Proposal]
}

/// One audit event, as far as a provenance report shows it.
public struct AuditEventSummary: Sendable, Codable, Hashable {
    public var seq: Int64
    public var recordedAt: String
    public var actor: String
    public var action: String
    public var outcome: String

    init(_ event: AuditEvent) {
        seq = event.seq
        recordedAt = event.recordedAt
        actor = event.actor
        action = event.action
        outcome = event.outcome
    }
}
