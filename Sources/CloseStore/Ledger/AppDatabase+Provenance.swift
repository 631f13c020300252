import Crypto
import Foundation
import Governance
public import Ledger

extension AppDatabase {
    /// Who prepared, approved and applied what wrote Odoo entry `odooMoveID`: the adjusting entries a
    /// batch created as that entry (or its reversal), and the bank matches applied to a statement line
    /// whose entry it is. Nil when Closer never wrote it.
    public func provenance(sourceKey: SourceKey, odooMoveID: Int) throws -> EntryProvenance? {
        let events = try auditEvents()
        return try writer.read { db in
            let company = try Self.companyRowID(sourceKey, db)
            var proposals: [EntryProvenance.Proposal] = []
            for row in try StoreRow.fetchAll(db, sql: """
                SELECT p.id, p.status, p.prepared_by, p.evidence_sha256, p.kind, b.id AS batch_id, b.actor AS batch_actor, w.role
                FROM adjustment_write w JOIN adjustment_proposal p ON p.id = w.proposal_id JOIN adjustment_batch b ON b.id = w.batch_id
                WHERE p.company_id = ? AND w.odoo_move_id = ? AND w.created = 1 ORDER BY w.id
                """, arguments: [company, odooMoveID]) {
                let ref = ProposalRef(.adjustment, row["id"])
                let kind: String = row["kind"], role: String = row["role"], batch: Int64 = row["batch_id"]
                proposals.append(EntryProvenance.Proposal(
                    ref: ref, title: "\(kind) proposal \(ref.id)" + (role == "reversal" ? " (its reversal)" : ""), status: Self.provenanceStatus(row),
                    preparedBy: row["prepared_by"], evidenceSHA256: row["evidence_sha256"], approvals: try Self.approvals(of: ref, db),
                    batchID: batch, appliedBy: row["batch_actor"],
                    events: Self.events(events, about: [("closer.adjustment_proposal", String(ref.id)), ("closer.adjustment_batch", String(batch))])))
            }
            for row in try StoreRow.fetchAll(db, sql: """
                SELECT p.id, p.status, p.prepared_by, p.proposal, p.statement_line_id FROM match_proposal p
                JOIN statement_line s ON s.company_id = p.company_id AND s.odoo_id = p.statement_line_id
                WHERE p.company_id = ? AND s.move_id = ? AND p.status IN ('approved', 'applied') ORDER BY p.id
                """, arguments: [company, odooMoveID]) {
                let ref = ProposalRef(.bankMatch, row["id"])
                let text: String = row["proposal"], line: Int = row["statement_line_id"]
                proposals.append(EntryProvenance.Proposal(
                    ref: ref, title: "bank-match proposal \(ref.id) for statement line \(line)", status: Self.provenanceStatus(row),
                    preparedBy: row["prepared_by"], evidenceSHA256: SHA256.hex(text), approvals: try Self.approvals(of: ref, db),
                    batchID: nil, appliedBy: nil, events: Self.events(events, about: [("closer.match_proposal", String(ref.id))])))
            }
            return proposals.isEmpty ? nil : EntryProvenance(odooMoveID: odooMoveID, proposals: proposals)
        }
    }

    /// Both status columns' CHECKs admit only these values, so the fallback is never taken.
    static func provenanceStatus(_ row: StoreRow) -> EntryProvenance.Proposal.Status {
        EntryProvenance.Proposal.Status(rawValue: row["status"]) ?? .failed
    }

    static func events(_ events: [AuditEvent], about targets: [(model: String, id: String)]) -> [AuditEventSummary] {
        events.filter { event in event.targets.contains { target in targets.contains { $0.model == target.model && $0.id == target.id } } }
            .map(AuditEventSummary.init)
    }
}
