public import Adjustments
import Crypto
import Foundation
public import Governance
public import Ledger

extension AppDatabase {
    /// Stores a propose run's proposals under their idempotency keys. A proposal proposed again
    /// unchanged keeps its status; changed, it waits for review again (an approval of the old
    /// version is void). Applied proposals are never touched. Proposals of the run's kinds and period
    /// that the run no longer makes are withdrawn. Every change is an audit event.
    public func saveAdjustmentProposals(_ proposals: [AdjustmentProposal], kinds: Set<AdjustmentKind>, runID: Int64, sourceKey: SourceKey,
                                        period: Period, actor: String) throws -> [StoredAdjustment] {
        try writer.write { db in
            let company = try Self.companyRowID(sourceKey, db)
            let now = Date()
            var stored: [StoredAdjustment] = []
            for proposal in proposals {
                let text = try Self.canonicalJSON(proposal)
                let hash = SHA256.hex(text)
                let existing = try StoreRow.fetchOne(db, sql: "SELECT * FROM adjustment_proposal WHERE company_id = ? AND idempotency_key = ?",
                                                arguments: [company, proposal.idempotencyKey])
                if let existing {
                    let previous = try Self.storedAdjustment(existing)
                    guard previous.status != .applied, previous.evidenceSHA256 != hash || [.withdrawn, .rolledBack].contains(previous.status) else {
                        stored.append(previous)
                        continue
                    }
                    try db.execute(sql: """
                        UPDATE adjustment_proposal SET run_id = ?, status = 'proposed', proposal = ?, evidence_sha256 = ?, prepared_by = ?,
                            decided_by = NULL, decided_at = NULL, note = NULL WHERE id = ?
                        """, arguments: [runID, text, hash, actor, previous.id])
                    // Approvals name the old version's hash, so they stop counting; the trail says so.
                    let approvedBefore = try !Self.approvals(of: ProposalRef(.adjustment, previous.id), db)
                        .filter { $0.evidenceSHA256 == previous.evidenceSHA256 }.isEmpty
                    let action = previous.status == .approved || approvedBefore ? "adjustment.approval.voided" : "adjustment.reproposed"
                    try Self.auditAdjustment(action, id: previous.id, proposal, hash: hash, actor: actor, at: now, in: db,
                                             extra: ["previous_status": previous.status.rawValue, "previous_evidence_sha256": previous.evidenceSHA256])
                    stored.append(StoredAdjustment(id: previous.id, status: .proposed, proposal: proposal, evidenceSHA256: hash, preparedBy: actor))
                } else {
                    try db.execute(sql: """
                        INSERT INTO adjustment_proposal (company_id, run_id, idempotency_key, kind, period, status, proposal, evidence_sha256, prepared_by)
                        VALUES (?, ?, ?, ?, ?, 'proposed', ?, ?, ?)
                        """, arguments: [company, runID, proposal.idempotencyKey, proposal.kind.rawValue, period.description, text, hash, actor])
                    let id = try db.lastInsertedRowID()
                    try Self.auditAdjustment("adjustment.proposed", id: id, proposal, hash: hash, actor: actor, at: now, in: db)
                    stored.append(StoredAdjustment(id: id, status: .proposed, proposal: proposal, evidenceSHA256: hash, preparedBy: actor))
                }
            }
            let current = Set(proposals.map(\.idempotencyKey))
            let stale = try StoreRow.fetchAll(db, sql: """
                SELECT * FROM adjustment_proposal WHERE company_id = ? AND period = ? AND status IN ('proposed', 'approved', 'failed')
                """, arguments: [company, period.description]).map(Self.storedAdjustment)
            for old in stale where kinds.contains(old.proposal.kind) && !current.contains(old.idempotencyKey) {
                try db.execute(sql: "UPDATE adjustment_proposal SET status = 'withdrawn', note = ? WHERE id = ?",
                               arguments: ["no longer proposed by run \(runID)", old.id])
                try Self.auditAdjustment("adjustment.withdrawn", id: old.id, old.proposal, hash: old.evidenceSHA256, actor: actor, at: now, in: db,
                                         extra: ["previous_status": old.status.rawValue, "run": String(runID)])
            }
            return stored
        }
    }

    /// A company's proposals, oldest first, optionally of one period and some statuses.
    public func adjustments(sourceKey: SourceKey, period: Period? = nil, statuses: Set<AdjustmentStatus>? = nil) throws -> [StoredAdjustment] {
        try writer.read { db in
            let company = try Self.companyRowID(sourceKey, db)
            return try StoreRow.fetchAll(db, sql: "SELECT * FROM adjustment_proposal WHERE company_id = ? AND (CAST(? AS TEXT) IS NULL OR period = ?) ORDER BY id",
                                    arguments: [company, period?.description, period?.description])
                .map(Self.storedAdjustment)
                .filter { statuses?.contains($0.status) ?? true }
        }
    }

    public func adjustment(id: Int64, sourceKey: SourceKey) throws -> StoredAdjustment {
        try writer.read { db in try Self.adjustmentRow(id: id, sourceKey: sourceKey, db) }
    }

    /// Approves or rejects a proposal waiting for review, as `actor` under `policy`: a refused decision
    /// throws and changes nothing; an approval the policy does not yet find sufficient is recorded and
    /// the proposal stays `proposed`. Audited with the hash of exactly what was decided.
    public func decideAdjustment(id: Int64, sourceKey: SourceKey, approved: Bool, actor: String, note: String?,
                                 policy: ApprovalPolicy) throws -> Reviewed<StoredAdjustment> {
        try writer.write { db in
            var stored = try Self.adjustmentRow(id: id, sourceKey: sourceKey, db)
            guard stored.status == .proposed else { throw AdjustmentReviewError.notReviewable(id, status: stored.status) }
            let reason = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if !approved && reason.isEmpty { throw AdjustmentReviewError.reasonRequired(id) }
            let request = ApprovalRequest(proposal: ProposalRef(.adjustment, id), kind: stored.proposal.kind.rawValue,
                                          amount: stored.proposal.entry.total, preparer: stored.preparedBy, evidenceSHA256: stored.evidenceSHA256)
            let review = try Self.review(request, approve: approved, login: actor, policy: policy, db)
            let extra = review.auditFields.merging(["note": reason]) { _, new in new }
            guard review.complete else {
                try Self.auditAdjustment("adjustment.approval.recorded", id: id, stored.proposal, hash: stored.evidenceSHA256, actor: actor,
                                         at: Date(), in: db, extra: extra)
                return Reviewed(proposal: stored, approvals: review.approvals, outstanding: review.outstanding)
            }
            stored.status = approved ? .approved : .rejected
            stored.decidedBy = actor
            stored.decidedAt = ISO8601DateFormatter().string(from: Date())
            stored.note = reason.isEmpty ? nil : reason
            try db.execute(sql: "UPDATE adjustment_proposal SET status = ?, decided_by = ?, decided_at = ?, note = ? WHERE id = ?",
                           arguments: [stored.status.rawValue, actor, stored.decidedAt, stored.note, id])
            try Self.auditAdjustment(approved ? "adjustment.approved" : "adjustment.rejected", id: id, stored.proposal,
                                     hash: stored.evidenceSHA256, actor: actor, at: Date(), in: db, extra: extra)
            return Reviewed(proposal: stored, approvals: review.approvals, outstanding: nil)
        }
    }

    /// Records a proposal's write-back outcome (applied, failed, rolled back) with what happened in Odoo.
    public func markAdjustment(id: Int64, sourceKey: SourceKey, status: AdjustmentStatus, detail: String, actor: String) throws {
        try writer.write { db in
            let stored = try Self.adjustmentRow(id: id, sourceKey: sourceKey, db)
            try db.execute(sql: "UPDATE adjustment_proposal SET status = ?, note = ? WHERE id = ?", arguments: [status.rawValue, detail, id])
            let action = switch status {
            case .applied: "adjustment.applied"
            case .rolledBack: "adjustment.rolled-back"
            default: "adjustment.apply.failed"
            }
            try Self.auditAdjustment(action, id: id, stored.proposal, hash: stored.evidenceSHA256, actor: actor, at: Date(), in: db,
                                     extra: ["detail": detail], outcome: status == .failed ? "failed" : "ok")
        }
    }

    static func adjustmentRow(id: Int64, sourceKey: SourceKey, _ db: any StoreSession) throws -> StoredAdjustment {
        let company = try companyRowID(sourceKey, db)
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM adjustment_proposal WHERE id = ? AND company_id = ?", arguments: [id, company]) else {
            throw AdjustmentReviewError.unknownProposal(id)
        }
        return try storedAdjustment(row)
    }

    static func storedAdjustment(_ row: StoreRow) throws -> StoredAdjustment {
        let text: String = row["proposal"]
        let status: String = row["status"]
        return StoredAdjustment(id: row["id"], status: AdjustmentStatus(rawValue: status) ?? .proposed,
                                proposal: try JSONDecoder().decode(AdjustmentProposal.self, from: Data(text.utf8)),
                                evidenceSHA256: row["evidence_sha256"], preparedBy: row["prepared_by"], decidedBy: row["decided_by"], decidedAt: row["decided_at"], note: row["note"])
    }

    static func canonicalJSON(_ value: some Encodable) throws -> String {
        String(decoding: try matchEncoder.encode(value), as: UTF8.self)
    }

    static func auditAdjustment(_ action: String, id: Int64, _ proposal: AdjustmentProposal, hash: String, actor: String, at date: Date,
                                in db: any StoreSession, extra: [String: String] = [:], outcome: String = "ok") throws {
        var payload = ["evidence_sha256": hash, "idempotency_key": proposal.idempotencyKey, "kind": proposal.kind.rawValue,
                       "period": proposal.period.description, "amount": proposal.entry.total?.description ?? "",
                       "confidence": String(format: "%.2f", proposal.confidence)]
        payload.merge(extra) { _, new in new }
        _ = try appendAudit(NewAuditEvent(actor: actor, action: action,
                                          targets: [AuditTarget(model: "closer.adjustment_proposal", id: String(id), name: proposal.entry.ref)],
                                          payload: AuditPayload(payload), outcome: outcome), at: date, in: db)
    }
}
