import Foundation
import Governance
import Adjustments
public import Ledger

extension AppDatabase {
    /// Autonomous mode: a proposal waiting for review whose kind the rule set lets the policy apply,
    /// at or above the kind's confidence, is approved by the policy itself, not by a person. The agent
    /// is the actor on the trail, the threshold and the evidence hash are in the event, and the store
    /// keeps `policy:autonomous` as the decider, so it never passes for a human approval.
    public func approveByAutonomousPolicy(id: Int64, sourceKey: SourceKey, threshold: Double) throws -> StoredAdjustment {
        try writer.write { db in
            var stored = try Self.adjustmentRow(id: id, sourceKey: sourceKey, db)
            guard stored.status == .proposed else { throw AdjustmentReviewError.notReviewable(id, status: stored.status) }
            guard stored.proposal.confidence >= threshold else {
                throw ApprovalRefusal(rule: "autonomous policy", message: "proposal \(id)'s confidence "
                                      + String(format: "%.2f", stored.proposal.confidence) + " is below the " + String(format: "%.2f", threshold)
                                      + " the rule set asks for \(stored.proposal.kind.rawValue); a person must approve it")
            }
            stored.status = .approved
            stored.decidedBy = Self.autonomousDecider
            stored.decidedAt = ISO8601DateFormatter().string(from: Date())
            stored.note = "confidence " + String(format: "%.2f", stored.proposal.confidence) + " ≥ " + String(format: "%.2f", threshold)
            try db.execute(sql: "UPDATE adjustment_proposal SET status = 'approved', decided_by = ?, decided_at = ?, note = ? WHERE id = ?",
                           arguments: [stored.decidedBy, stored.decidedAt, stored.note, id])
            try Self.auditAdjustment("adjustment.approved.by-policy", id: id, stored.proposal, hash: stored.evidenceSHA256,
                                     actor: CloserUser.agentLogin, at: Date(), in: db, extra: ["threshold": String(format: "%.2f", threshold)])
            return stored
        }
    }

    /// Who `decided_by` names when the autonomous policy approved a proposal.
    public static let autonomousDecider = "policy:autonomous"
}
