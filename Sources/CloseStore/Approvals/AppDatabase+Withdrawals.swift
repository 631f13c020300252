import BankMatching
import Crypto
import Foundation
import Governance
public import Ledger

/// Where a proposal's review stands, as far as withdrawing a decision is concerned.
enum ReviewState: Equatable {
    case waiting, approved, rejected
    /// Applied, failed, rolled back, superseded or withdrawn by a later run: past the point of withdrawing.
    case settled(String)

    /// From a stored status (adjustments and bank matches name these three alike).
    init(status: String) {
        self = switch status {
        case "proposed": .waiting
        case "approved": .approved
        case "rejected": .rejected
        default: .settled(status)
        }
    }
}

/// What a withdrawal took back inside the caller's write transaction, before the proposal's row changes.
struct TakenBack {
    var decision: WithdrawnDecision
    var madeBy: [String]
    var reason: String
    var approvalsLeft: [RecordedApproval]

    var auditFields: [String: String] {
        ["withdrawn": decision.rawValue, "made_by": madeBy.joined(separator: ","), "reason": reason,
         "approvers_left": approvalsLeft.map(\.login).joined(separator: ",")]
    }

    func withdrawal<Proposal>(of proposal: Proposal, by actor: String) -> Withdrawal<Proposal> {
        Withdrawal(proposal: proposal, decision: decision, madeBy: madeBy,
                   withdrawnBy: actor, reason: reason, approvalsLeft: approvalsLeft)
    }
}

extension AppDatabase {
    /// Takes back the approval or rejection of an adjusting-entry proposal that was not applied: it waits for
    /// review again, and the trail says whose decision it was, who withdrew it and why.
    public func withdrawAdjustmentDecision(id: Int64, sourceKey: SourceKey, actor: String, reason: String) throws -> Withdrawal<StoredAdjustment> {
        try writer.write { db in
            var stored = try Self.adjustmentRow(id: id, sourceKey: sourceKey, db)
            let state = ReviewState(status: stored.status.rawValue)
            let taken = try Self.takeBackDecision(ProposalRef(.adjustment, id), state: state, decidedBy: stored.decidedBy,
                                                  evidence: stored.evidenceSHA256, actor: actor, reason: reason, db)
            (stored.status, stored.decidedBy, stored.decidedAt, stored.note) = (.proposed, nil, nil, nil)
            try db.execute(sql: "UPDATE adjustment_proposal SET status = 'proposed', decided_by = NULL, decided_at = NULL, note = NULL WHERE id = ?",
                           arguments: [id])
            try Self.auditAdjustment("adjustment.decision.withdrawn", id: id, stored.proposal, hash: stored.evidenceSHA256, actor: actor,
                                     at: Date(), in: db, extra: taken.auditFields)
            return taken.withdrawal(of: stored, by: actor)
        }
    }

    /// Takes back the approval or rejection of a bank match that was not applied: it waits for review again, the
    /// verdict no longer teaches the model, and a rejected match may be proposed again.
    public func withdrawMatchDecision(id: Int64, sourceKey: SourceKey, actor: String, reason: String) throws -> Withdrawal<StoredMatchProposal> {
        try writer.write { db in
            let company = try Self.companyRowID(sourceKey, db)
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM match_proposal WHERE id = ? AND company_id = ?", arguments: [id, company]) else {
                throw MatchReviewError.unknownProposal(id)
            }
            var stored = try Self.storedMatchProposal(row)
            let state = ReviewState(status: stored.status.rawValue)
            let text: String = row["proposal"]
            let taken = try Self.takeBackDecision(ProposalRef(.bankMatch, id), state: state, decidedBy: stored.decidedBy,
                                                  evidence: SHA256.hex(text), actor: actor, reason: reason, db)
            (stored.status, stored.decidedBy, stored.note) = (.proposed, nil, nil)
            try db.execute(sql: "UPDATE match_proposal SET status = 'proposed', decided_by = NULL, decided_at = NULL, note = NULL WHERE id = ?",
                           arguments: [id])
            try db.execute(sql: "DELETE FROM match_feedback WHERE company_id = ? AND proposal_id = ?", arguments: [company, id])
            _ = try Self.appendAudit(NewAuditEvent(
                actor: actor, action: "match.decision.withdrawn",
                targets: [AuditTarget(model: "closer.match_proposal", id: String(id)),
                          AuditTarget(model: "account.bank.statement.line", id: String(stored.proposal.statementLineID))],
                payload: AuditPayload(taken.auditFields.merging(["evidence_sha256": SHA256.hex(text), "idempotency_key": stored.idempotencyKey]) { $1 })),
                at: Date(), in: db)
            return taken.withdrawal(of: stored, by: actor)
        }
    }

    /// Weighs a withdrawal against the undo policy and removes the approvals it takes back. The actor's own
    /// approval is withdrawn alone; a controller withdrawing someone else's takes back every approval of the
    /// version (and a policy's). A refusal throws before anything is written.
    static func takeBackDecision(_ proposal: ProposalRef, state: ReviewState, decidedBy: String?, evidence: String, actor: String,
                                 reason: String, _ db: any StoreSession) throws -> TakenBack {
        let subject = "\(proposal.kind.rawValue) proposal \(proposal.id)"
        if case .settled(let status) = state { throw WithdrawalError.settled(subject, status: status) }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw WithdrawalError.reasonRequired(subject) }
        let (_, user) = try userRow(login: actor, db)
        let current = try approvals(of: proposal, db).filter { $0.evidenceSHA256 == evidence }
        if state == .rejected {
            let makers = Set([decidedBy].compactMap { $0 })
            if let refusal = UndoPolicy.undoRefusal("the rejection of \(subject)", madeBy: makers, by: user) { throw refusal }
            return TakenBack(decision: .rejection, madeBy: makers.sorted(), reason: why, approvalsLeft: current)
        }
        var withdrawn = current.filter { $0.login == actor }
        var makers = Set(withdrawn.map(\.login))
        if withdrawn.isEmpty {
            makers = Set(current.map(\.login)).union(state == .approved && decidedBy == autonomousDecider ? [autonomousDecider] : [])
            guard !makers.isEmpty else { throw WithdrawalError.nothingToWithdraw(subject) }
            if let refusal = UndoPolicy.undoRefusal("the approval of \(subject)", madeBy: makers, by: user) { throw refusal }
            withdrawn = current
        }
        for approval in withdrawn {
            try db.execute(sql: """
                DELETE FROM proposal_approval WHERE proposal_kind = ? AND proposal_id = ? AND evidence_sha256 = ?
                    AND user_id = (SELECT id FROM closer_user WHERE login = ?)
                """, arguments: [proposal.kind.rawValue, proposal.id, evidence, approval.login])
        }
        let left = current.filter { approval in !withdrawn.contains(approval) }
        return TakenBack(decision: .approval, madeBy: makers.sorted(), reason: why, approvalsLeft: left)
    }
}
