public import Adjustments
public import CloseStore
public import Governance
public import Ledger

/// An adjusting entry of the period as the close package shows it: what it is, where it stands, who
/// prepared it, and who approved the version under review (earlier versions' approvals are void).
public struct PackageAdjustment: Sendable, Codable {
    public var id: Int64
    public var kind: AdjustmentKind
    public var ref: String
    public var date: LocalDate
    public var amount: Money?
    public var status: AdjustmentStatus
    public var confidence: Double
    public var preparedBy: String?
    /// Who made the final decision (`policy:autonomous` when the autonomous policy approved it) and when.
    public var decidedBy: String?
    public var decidedAt: String?
    public var note: String?
    public var approvals: [RecordedApproval]

    init(_ stored: StoredAdjustment, approvals: [RecordedApproval]) {
        id = stored.id
        kind = stored.proposal.kind
        ref = stored.proposal.entry.ref
        date = stored.proposal.entry.date
        amount = stored.proposal.entry.total
        status = stored.status
        confidence = stored.proposal.confidence
        preparedBy = stored.preparedBy
        decidedBy = stored.decidedBy
        decidedAt = stored.decidedAt
        note = stored.note
        self.approvals = approvals.filter { $0.evidenceSHA256 == stored.evidenceSHA256 }
    }

    /// "bob (approver, 2026-11-03T09:12:00.000Z); carol (controller, …)".
    public var approversText: String {
        approvals.map { "\($0.login) (\($0.role.rawValue), \($0.approvedAt))" }.joined(separator: "; ")
    }
}
