public import BankMatching

/// Where a bank-match proposal stands. `superseded`: a later reconcile proposed the line afresh
/// before this one was reviewed; `applied`/`failed`: what writing the approved match to Odoo did.
public enum MatchProposalStatus: String, Sendable, Codable, CaseIterable {
    case proposed, approved, rejected, applied, failed, superseded

    /// All but `superseded`: the statuses lists offer (a superseded proposal was never decided).
    public static var current: [Self] { allCases.filter { $0 != .superseded } }
}

/// A bank-match proposal as the store keeps it: its row id, review status and idempotency key.
public struct StoredMatchProposal: Sendable, Codable, Hashable {
    public var id: Int64
    public var status: MatchProposalStatus
    public var idempotencyKey: String
    public var proposal: MatchProposal
    /// Who ran the reconcile that proposed it; nobody approves what they prepared.
    public var preparedBy: String?
    public var decidedBy: String?
    public var note: String?
}

public enum MatchReviewError: Error, CustomStringConvertible, Equatable {
    case unknownProposal(Int64)
    case notReviewable(Int64, status: MatchProposalStatus)
    case nothingToApprove(Int64)

    public var description: String {
        switch self {
        case .unknownProposal(let id): "There is no bank-match proposal \(id): `closer reconcile --period …` lists them."
        case .notReviewable(let id, let status):
            "Proposal \(id) is \(status.rawValue): only proposals waiting for review can be approved or rejected (run `closer reconcile` again for fresh ones)."
        case .nothingToApprove(let id): "Proposal \(id) has no candidate to approve (it cannot be matched); reject it or reconcile the line by hand."
        }
    }
}
