public import Foundation
import Governance

extension AppDatabase {
    /// Starts a run; call `finishRun` with its outcome. A run left 'running' was interrupted.
    public func startRun(kind: String, period: String?, actor: String, at date: Date = Date()) throws -> Int64 {
        try writer.write { db in
            try db.execute(sql: "INSERT INTO run (kind, period, started_at, status) VALUES (?, ?, ?, 'running')",
                           arguments: [kind, period, Self.utcText(date)])
            let id = try db.lastInsertedRowID()
            _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: "\(kind).started",
                                               targets: [AuditTarget(model: "closer.run", id: String(id))],
                                               payload: AuditPayload(["period": period ?? ""])), at: date, in: db)
            return id
        }
    }

    public func finishRun(_ id: Int64, status: RunRecord.Status, summary: String, actor: String, at date: Date = Date()) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE run SET finished_at = ?, status = ?, summary = ? WHERE id = ?",
                           arguments: [Self.utcText(date), status.rawValue, summary, id])
            let kind = try String.fetchOne(db, sql: "SELECT kind FROM run WHERE id = ?", arguments: [id]) ?? "run"
            _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: "\(kind).finished",
                                               targets: [AuditTarget(model: "closer.run", id: String(id))],
                                               payload: AuditPayload(["status": status.rawValue]), outcome: status.rawValue), at: date, in: db)
            if let key = runEndSigner.current { try Self.appendAuditCheckpoint(signingWith: key, actor: CloserUser.agentLogin, at: date, in: db) }
        }
    }
}

extension AppDatabase {
    /// The latest runs first, optionally of one kind.
    public func runs(kind: String? = nil, limit: Int = 100) throws -> [RunRecord] {
        try writer.read { db in
            let filter = kind == nil ? "" : "WHERE kind = ?"
            let arguments: StoreArguments = kind.map { [$0, limit] } ?? [limit]
            return try StoreRow.fetchAll(db, sql: "SELECT * FROM run \(filter) ORDER BY id DESC LIMIT ?", arguments: arguments).map { row in
                RunRecord(id: row["id"], kind: row["kind"], period: row["period"], startedAt: row["started_at"],
                          finishedAt: row["finished_at"], status: RunRecord.Status(rawValue: row["status"]) ?? .interrupted, summary: row["summary"])
            }
        }
    }
}
