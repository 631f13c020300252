import Crypto
import Foundation
import Governance
public import Ledger

extension AppDatabase {
    /// Opens a write-back batch, with the state of Odoo's affected records before anything is written.
    public func startAdjustmentBatch(sourceKey: SourceKey, actor: String, beforeState: String) throws -> Int64 {
        try writer.write { db in
            let company = try Self.companyRowID(sourceKey, db)
            try db.execute(sql: "INSERT INTO adjustment_batch (company_id, actor, started_at, status, before_state) VALUES (?, ?, ?, 'running', ?)",
                           arguments: [company, actor, ISO8601DateFormatter().string(from: Date()), beforeState])
            let id = try db.lastInsertedRowID()
            _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: "adjustment.batch.started",
                                                   targets: [AuditTarget(model: "closer.adjustment_batch", id: String(id))],
                                                   payload: AuditPayload(["source": sourceKey.text, "before_sha256": SHA256.hex(beforeState)])),
                                     at: Date(), in: db)
            return id
        }
    }

    /// Records an entry the batch created in Odoo (or found there already), as soon as it is known.
    public func recordAdjustmentWrite(batchID: Int64, _ write: AdjustmentWrite) throws {
        try writer.write { db in
            try db.execute(sql: "INSERT INTO adjustment_write (batch_id, proposal_id, role, odoo_move_id, created) VALUES (?, ?, ?, ?, ?)",
                           arguments: [batchID, write.proposalID, write.role, write.odooMoveID, write.created ? 1 : 0])
        }
    }

    /// Closes a batch with its report; a rollback keeps the apply report and adds its own.
    public func finishAdjustmentBatch(_ id: Int64, status: AdjustmentBatch.Status, report: String, actor: String) throws {
        try writer.write { db in
            let column = status == .rolledBack ? "rollback_report" : "report"
            try db.execute(sql: "UPDATE adjustment_batch SET status = ?, finished_at = ?, \(column) = ? WHERE id = ?",
                           arguments: [status.rawValue, ISO8601DateFormatter().string(from: Date()), report, id])
            _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: "adjustment.batch.\(status.rawValue)",
                                                   targets: [AuditTarget(model: "closer.adjustment_batch", id: String(id))],
                                                   payload: AuditPayload(["report_sha256": SHA256.hex(report)]),
                                                   outcome: status == .failed ? "failed" : "ok"), at: Date(), in: db)
        }
    }

    /// The Odoo entries any batch recorded as created for a proposal.
    public func createdMoveIDs(proposalID: Int64) throws -> Set<Int> {
        try writer.read { db in
            Set(try Int.fetchAll(db, sql: "SELECT odoo_move_id FROM adjustment_write WHERE proposal_id = ? AND created = 1", arguments: [proposalID]))
        }
    }

    public func adjustmentBatch(_ id: Int64, sourceKey: SourceKey) throws -> AdjustmentBatch {
        try writer.read { db in
            let company = try Self.companyRowID(sourceKey, db)
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM adjustment_batch WHERE id = ? AND company_id = ?", arguments: [id, company]) else {
                throw AdjustmentReviewError.unknownBatch(id)
            }
            let writes = try StoreRow.fetchAll(db, sql: "SELECT * FROM adjustment_write WHERE batch_id = ? ORDER BY id", arguments: [id]).map { write in
                AdjustmentWrite(proposalID: write["proposal_id"], role: write["role"], odooMoveID: write["odoo_move_id"], created: write["created"] == 1)
            }
            return AdjustmentBatch(id: id, actor: row["actor"], startedAt: row["started_at"], finishedAt: row["finished_at"],
                                   status: AdjustmentBatch.Status(rawValue: row["status"]) ?? .running,
                                   beforeState: row["before_state"], report: row["report"], rollbackReport: row["rollback_report"], writes: writes)
        }
    }
}
