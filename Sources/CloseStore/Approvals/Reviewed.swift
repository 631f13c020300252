public import Governance
/// A proposal after an approval or rejection: the approvals of its current version, and what the
/// policy still needs when this approval did not complete it (nil once decided).
public struct Reviewed<Proposal: Sendable & Codable>: Sendable, Codable {
    public var proposal: Proposal
    public var approvals: [RecordedApproval]
    public var outstanding: String?
}

/// The policy's allowed outcome inside a review transaction, before the proposal's row changes.
struct ApprovalReview {
    var role: CloserRole?
    var approvals: [RecordedApproval]
    var complete: Bool
    var outstanding: String?

    /// The audit fields every review event carries besides the proposal's own.
    var auditFields: [String: String] {
        ["role": role?.rawValue ?? "", "approvers": approvals.map(\.login).joined(separator: ","), "outstanding": outstanding ?? ""]
    }
}
