public import BankMatching
import Crypto
import Foundation
public import Governance
public import Ledger

extension AppDatabase {
    static func companyRowID(_ sourceKey: SourceKey, _ db: any StoreSession) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM company WHERE source_key = ?", arguments: [sourceKey]) else {
            throw StoreError.unknownCompany(sourceKey)
        }
        return id
    }

    static let matchEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// The newest match model of a company, if one was stored.
    public func latestMatchModel(sourceKey: SourceKey) throws -> MatchModel? {
        try writer.read { db in
            let company = try Self.companyRowID(sourceKey, db)
            guard let text = try String.fetchOne(db, sql: "SELECT model FROM match_model WHERE company_id = ? ORDER BY version DESC LIMIT 1",
                                                 arguments: [company]) else { return nil }
            return try JSONDecoder().decode(MatchModel.self, from: Data(text.utf8))
        }
    }

    /// Stores a newly fitted model under its version, with an audit event naming what it learned from.
    public func saveMatchModel(_ model: MatchModel, sourceKey: SourceKey, actor: String) throws {
        try writer.write { db in
            let company = try Self.companyRowID(sourceKey, db)
            // A version saved again replaces the earlier row (and its id), as SQLite's INSERT OR REPLACE did.
            try db.execute(sql: "DELETE FROM match_model WHERE company_id = ? AND version = ?", arguments: [company, model.version])
            try db.execute(sql: "INSERT INTO match_model (company_id, version, model, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [company, model.version, String(decoding: try Self.matchEncoder.encode(model), as: UTF8.self),
                                       ISO8601DateFormatter().string(from: Date())])
            _ = try Self.appendAudit(NewAuditEvent(
                actor: actor, action: "match.model.trained", targets: [AuditTarget(model: "closer.match_model", id: String(model.version))],
                payload: AuditPayload(["source": sourceKey.text, "examples": String(model.trainedOn), "positives": String(model.positives)])),
                at: Date(), in: db)
        }
    }

    /// Stores a reconcile run's proposals. Lines whose match was already approved or applied are not
    /// proposed again. A match still waiting for review that the run proposes again stays as it is, with
    /// its id and any partial approvals; a different match for its line supersedes it.
    public func saveMatchProposals(_ proposals: [MatchProposal], runID: Int64, sourceKey: SourceKey, period: Period,
                                   actor: String) throws -> [StoredMatchProposal] {
        try writer.write { db in
            let company = try Self.companyRowID(sourceKey, db)
            let settled = Set(try Int.fetchAll(db, sql: """
                SELECT statement_line_id FROM match_proposal WHERE company_id = ? AND status IN ('approved', 'applied')
                """, arguments: [company]))
            var stored: [StoredMatchProposal] = []
            var kept = 0
            for proposal in proposals where !settled.contains(proposal.statementLineID) {
                let key = Self.idempotencyKey(sourceKey: sourceKey, proposal)
                if let waiting = try StoreRow.fetchOne(db, sql: """
                    SELECT * FROM match_proposal WHERE company_id = ? AND statement_line_id = ? AND status = 'proposed' AND idempotency_key = ?
                    """, arguments: [company, proposal.statementLineID, key]) {
                    stored.append(try Self.storedMatchProposal(waiting))
                    kept += 1
                    continue
                }
                try db.execute(sql: "UPDATE match_proposal SET status = 'superseded' WHERE company_id = ? AND statement_line_id = ? AND status = 'proposed'",
                               arguments: [company, proposal.statementLineID])
                try db.execute(sql: """
                    INSERT INTO match_proposal (company_id, run_id, period, statement_line_id, decision, status, idempotency_key, proposal, prepared_by)
                    VALUES (?, ?, ?, ?, ?, 'proposed', ?, ?, ?)
                    """, arguments: [company, runID, period.description, proposal.statementLineID, proposal.decision.rawValue, key,
                                     String(decoding: try Self.matchEncoder.encode(proposal), as: UTF8.self), actor])
                stored.append(StoredMatchProposal(id: try db.lastInsertedRowID(), status: .proposed, idempotencyKey: key, proposal: proposal,
                                                  preparedBy: actor))
            }
            _ = try Self.appendAudit(NewAuditEvent(
                actor: actor, action: "match.proposed", targets: [AuditTarget(model: "closer.run", id: String(runID))],
                payload: AuditPayload(["source": sourceKey.text, "period": period.description, "proposals": String(stored.count - kept),
                                       "kept_waiting": String(kept), "skipped_already_decided": String(proposals.count - stored.count)])),
                at: Date(), in: db)
            return stored
        }
    }

    /// Identity of what would be written: the statement line and exactly what it is matched with.
    static func idempotencyKey(sourceKey: SourceKey, _ proposal: MatchProposal) -> String {
        let best = proposal.best
        let text = [sourceKey.text, String(proposal.statementLineID), (best?.itemLineIDs ?? []).sorted().map(String.init).joined(separator: ","),
                    best?.writeOffAccountID.map(String.init) ?? "", best?.writeOff?.decimalText ?? ""].joined(separator: "|")
        return SHA256.hex(text)
    }

    public func matchProposals(sourceKey: SourceKey, statuses: Set<MatchProposalStatus>? = nil) throws -> [StoredMatchProposal] {
        try writer.read { db in
            let company = try Self.companyRowID(sourceKey, db)
            return try StoreRow.fetchAll(db, sql: "SELECT * FROM match_proposal WHERE company_id = ? ORDER BY id", arguments: [company]).compactMap { row in
                if let statuses, !statuses.contains(Self.matchProposalStatus(row)) { return nil }
                return try Self.storedMatchProposal(row)
            }
        }
    }

    /// The column's CHECK admits only these values, so the fallback is never taken.
    static func matchProposalStatus(_ row: StoreRow) -> MatchProposalStatus {
        MatchProposalStatus(rawValue: row["status"]) ?? .failed
    }

    static func storedMatchProposal(_ row: StoreRow) throws -> StoredMatchProposal {
        let text: String = row["proposal"]
        return StoredMatchProposal(id: row["id"], status: matchProposalStatus(row), idempotencyKey: row["idempotency_key"],
                                   proposal: try JSONDecoder().decode(MatchProposal.self, from: Data(text.utf8)),
                                   preparedBy: row["prepared_by"], decidedBy: row["decided_by"], note: row["note"])
    }

    /// Approves or rejects a proposal waiting for review, as `actor` under `policy` (a refusal throws
    /// and changes nothing; an approval that does not yet satisfy the policy is recorded and the
    /// proposal stays `proposed`). The final verdict, with the candidate's features, is kept for the
    /// next model; every step is audited with the hash of exactly what was decided.
    public func decideMatchProposal(id: Int64, sourceKey: SourceKey, approved: Bool, features: [Double]?, actor: String,
                                    note: String? = nil, policy: ApprovalPolicy) throws -> Reviewed<StoredMatchProposal> {
        try writer.write { db in
            let company = try Self.companyRowID(sourceKey, db)
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM match_proposal WHERE id = ? AND company_id = ?", arguments: [id, company]) else {
                throw MatchReviewError.unknownProposal(id)
            }
            let status = Self.matchProposalStatus(row)
            guard status == .proposed else { throw MatchReviewError.notReviewable(id, status: status) }
            let text: String = row["proposal"]
            let proposal = try JSONDecoder().decode(MatchProposal.self, from: Data(text.utf8))
            if approved && proposal.best == nil { throw MatchReviewError.nothingToApprove(id) }
            let evidence = SHA256.hex(text)
            let review = try Self.review(ApprovalRequest(proposal: ProposalRef(.bankMatch, id), kind: ApprovalPolicy.bankMatchKind,
                                                         amount: proposal.amount, preparer: row["prepared_by"], evidenceSHA256: evidence),
                                         approve: approved, login: actor, policy: policy, db)
            var stored = StoredMatchProposal(id: id, status: status, idempotencyKey: row["idempotency_key"], proposal: proposal,
                                             preparedBy: row["prepared_by"], decidedBy: row["decided_by"], note: row["note"])
            if review.complete {
                stored.status = approved ? .approved : .rejected
                stored.decidedBy = actor
                stored.note = note
                try db.execute(sql: "UPDATE match_proposal SET status = ?, decided_by = ?, decided_at = ?, note = ? WHERE id = ?",
                               arguments: [stored.status.rawValue, actor, ISO8601DateFormatter().string(from: Date()), note, id])
                if let features {
                    try db.execute(sql: "INSERT INTO match_feedback (company_id, proposal_id, features, approved) VALUES (?, ?, ?, ?)",
                                   arguments: [company, id, String(decoding: try Self.matchEncoder.encode(features), as: UTF8.self), approved ? 1 : 0])
                }
            }
            let payload = ["evidence_sha256": evidence, "idempotency_key": stored.idempotencyKey,
                           "items": (proposal.best?.itemLineIDs ?? []).map(String.init).joined(separator: ","),
                           "probability": String(format: "%.4f", proposal.best?.probability ?? 0), "note": note ?? ""]
            _ = try Self.appendAudit(NewAuditEvent(
                actor: actor, action: review.complete ? (approved ? "match.approved" : "match.rejected") : "match.approval.recorded",
                targets: [AuditTarget(model: "closer.match_proposal", id: String(id)),
                          AuditTarget(model: "account.bank.statement.line", id: String(proposal.statementLineID))],
                payload: AuditPayload(payload.merging(review.auditFields) { _, new in new })),
                at: Date(), in: db)
            return Reviewed(proposal: stored, approvals: review.approvals, outstanding: review.outstanding)
        }
    }

    /// Records what applying an approved proposal did in Odoo.
    public func markMatchProposal(id: Int64, applied: Bool, detail: String, actor: String) throws {
        try writer.write { db in
            let status: MatchProposalStatus = applied ? .applied : .failed
            try db.execute(sql: "UPDATE match_proposal SET status = ?, note = ? WHERE id = ?", arguments: [status.rawValue, detail, id])
            _ = try Self.appendAudit(NewAuditEvent(
                actor: actor, action: applied ? "match.applied" : "match.apply.failed",
                targets: [AuditTarget(model: "closer.match_proposal", id: String(id))], payload: AuditPayload(["detail": detail]),
                outcome: applied ? "ok" : "failed"), at: Date(), in: db)
        }
    }

    /// The entries of statement lines whose match Closer applied: Closer rewrote them itself, approved
    /// and audited, so a later pull finding them changed is not news.
    public func entriesChangedByAppliedMatches(sourceKey: SourceKey) throws -> Set<Int> {
        try writer.read { db in
            let company = try Self.companyRowID(sourceKey, db)
            return Set(try Int.fetchAll(db, sql: """
                SELECT s.move_id FROM statement_line s
                JOIN match_proposal p ON p.company_id = s.company_id AND p.statement_line_id = s.odoo_id
                WHERE s.company_id = ? AND p.status = 'applied'
                """, arguments: [company]))
        }
    }

    /// Every reviewer verdict of a company, for refitting its model.
    public func matchFeedback(sourceKey: SourceKey) throws -> [BankMatcher.Feedback] {
        try writer.read { db in
            let company = try Self.companyRowID(sourceKey, db)
            let decoder = JSONDecoder()
            return try StoreRow.fetchAll(db, sql: "SELECT features, approved FROM match_feedback WHERE company_id = ? ORDER BY id", arguments: [company])
                .map { row in
                    let text: String = row["features"]
                    return BankMatcher.Feedback(features: try decoder.decode([Double].self, from: Data(text.utf8)), approved: row["approved"] == 1)
                }
        }
    }
}
