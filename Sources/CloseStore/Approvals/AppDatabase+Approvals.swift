import Crypto
import Foundation
public import Governance

extension AppDatabase {
    /// Weighs an approval or rejection against the policy inside the caller's write transaction and
    /// records an allowed approval. A refusal throws before anything is written, so the transaction
    /// leaves the store as it was.
    static func review(_ request: ApprovalRequest, approve: Bool, login: String, policy: ApprovalPolicy, _ db: any StoreSession) throws -> ApprovalReview {
        let (userID, reviewer) = try userRow(login: login, db)
        let current = try approvals(of: request.proposal, db).filter { $0.evidenceSHA256 == request.evidenceSHA256 }
        switch ApprovalDecision.decide(request, approve: approve, by: reviewer, approvalsSoFar: current, policy: policy) {
        case .refused(let refusal):
            throw refusal
        case .rejection:
            return ApprovalReview(role: nil, approvals: current, complete: true, outstanding: nil)
        case .approval(let role, let complete, let outstanding):
            let approval = RecordedApproval(proposal: request.proposal, login: login, role: role, evidenceSHA256: request.evidenceSHA256,
                                            approvedAt: utcText(Date()))
            try db.execute(sql: """
                INSERT INTO proposal_approval (proposal_kind, proposal_id, evidence_sha256, user_id, role, approved_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [request.proposal.kind.rawValue, request.proposal.id, request.evidenceSHA256, userID, role.rawValue, approval.approvedAt])
            return ApprovalReview(role: role, approvals: current + [approval], complete: complete, outstanding: outstanding)
        }
    }

    /// Who approved the current version of each proposal: the lock's separation-of-duties check reads
    /// it (the person approving a lock must not be the only approver of its blocking items).
    public func approversOfCurrentVersions(_ proposals: [ProposalRef]) throws -> [ProposalRef: Set<String>] {
        try writer.read { db in
            var approvers: [ProposalRef: Set<String>] = [:]
            for proposal in proposals {
                let evidence = try Self.currentEvidence(of: proposal, db)
                approvers[proposal] = Set(try Self.approvals(of: proposal, db).filter { $0.evidenceSHA256 == evidence }.map(\.login))
            }
            return approvers
        }
    }

    /// Every recorded approval of a proposal, of any version, oldest first.
    public func approvals(of proposal: ProposalRef) throws -> [RecordedApproval] {
        try writer.read { db in try Self.approvals(of: proposal, db) }
    }

    static func approvals(of proposal: ProposalRef, _ db: any StoreSession) throws -> [RecordedApproval] {
        try StoreRow.fetchAll(db, sql: """
            SELECT a.*, u.login FROM proposal_approval a JOIN closer_user u ON u.id = a.user_id
            WHERE a.proposal_kind = ? AND a.proposal_id = ? ORDER BY a.id
            """, arguments: [proposal.kind.rawValue, proposal.id]).map { row in
            let role: String = row["role"]
            return RecordedApproval(proposal: proposal, login: row["login"], role: CloserRole(rawValue: role) ?? .approver,
                                    evidenceSHA256: row["evidence_sha256"], approvedAt: row["approved_at"])
        }
    }

    /// The hash of a proposal's version under review: an adjustment's stored evidence hash, a bank
    /// match's proposal text (match proposals are superseded, never edited).
    static func currentEvidence(of proposal: ProposalRef, _ db: any StoreSession) throws -> String? {
        switch proposal.kind {
        case .adjustment:
            return try String.fetchOne(db, sql: "SELECT evidence_sha256 FROM adjustment_proposal WHERE id = ?", arguments: [proposal.id])
        case .bankMatch:
            return try String.fetchOne(db, sql: "SELECT proposal FROM match_proposal WHERE id = ?", arguments: [proposal.id]).map(SHA256.hex)
        }
    }
}
