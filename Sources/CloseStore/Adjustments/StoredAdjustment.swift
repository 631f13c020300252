public import Adjustments
import Foundation

/// Where an adjusting-entry proposal stands. `withdrawn`: a later run no longer proposes it (the
/// bill arrived, the line was corrected); `rolled-back`: applied, then undone by a rollback.
public enum AdjustmentStatus: String, Sendable, Codable, CaseIterable {
    case proposed, approved, rejected, applied, failed
    case rolledBack = "rolled-back"
    case withdrawn
}

/// An adjusting-entry proposal as the store keeps it.
public struct StoredAdjustment: Sendable, Codable, Hashable {
    public var id: Int64
    public var status: AdjustmentStatus
    public var proposal: AdjustmentProposal
    /// SHA-256 of the proposal's canonical JSON: what an approval approved.
    public var evidenceSHA256: String
    /// Who drafted this version (the propose run's actor); nobody approves what they prepared.
    public var preparedBy: String?
    public var decidedBy: String?
    public var decidedAt: String?
    public var note: String?

    public var idempotencyKey: String { proposal.idempotencyKey }
}

public enum AdjustmentReviewError: Error, CustomStringConvertible, Equatable {
    case unknownProposal(Int64)
    case notReviewable(Int64, status: AdjustmentStatus)
    case reasonRequired(Int64)
    case unknownBatch(Int64)

    public var description: String {
        switch self {
        case .unknownProposal(let id): "There is no adjustment proposal \(id): `closer proposals` lists them."
        case .notReviewable(let id, let status):
            "Proposal \(id) is \(status.rawValue): only proposals waiting for review can be approved or rejected (`closer propose` drafts fresh ones)."
        case .reasonRequired(let id): "Rejecting proposal \(id) needs a reason (--reason \"…\"): the next reviewer and the auditors read it."
        case .unknownBatch(let id): "There is no write-back batch \(id): `closer apply` prints the batch it ran."
        }
    }
}
