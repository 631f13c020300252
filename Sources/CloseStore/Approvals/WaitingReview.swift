public import Governance
public import Ledger

/// A proposal of a period waiting for review, as the approval policy weighs it: what it is, how much, who
/// prepared it, and the approvals of its current version so far.
public struct WaitingReview: Sendable, Codable, Hashable {
    public var proposal: ProposalRef
    public var kind: String
    public var amount: Money?
    public var preparedBy: String?
    public var evidenceSHA256: String
    public var approvals: [RecordedApproval]
    /// One line for a list: the entry's reference or the statement line and what it would be matched with.
    public var summary: String

    public var request: ApprovalRequest {
        ApprovalRequest(proposal: proposal, kind: kind, amount: amount, preparer: preparedBy, evidenceSHA256: evidenceSHA256)
    }
}
