import Foundation
public import Ledger

extension AppDatabase {
    /// Records a lock request with the gate as it stood: refused when it had blockers, else waiting for approval.
    public func saveLockRequest(sourceKey: SourceKey, period: Period, fields: [LockDateField], blockers: [String], actor: String) throws -> LockRequest {
        try writer.write { db in
            let company = try Self.companyRowID(sourceKey, db)
            let status: LockRequest.Status = blockers.isEmpty ? .requested : .refused
            try db.execute(sql: """
                INSERT INTO lock_request (company_id, period, fields, status, gate, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [company, period.description, try Self.canonicalJSON(fields), status.rawValue, try Self.canonicalJSON(blockers),
                                 actor, ISO8601DateFormatter().string(from: Date())])
            let request = LockRequest(id: try db.lastInsertedRowID(), period: period, fields: fields, status: status, blockers: blockers, requestedBy: actor)
            _ = try Self.appendAudit(NewAuditEvent(
                actor: actor, action: status == .refused ? "lock.request.refused" : "lock.requested",
                targets: [AuditTarget(model: "closer.lock_request", id: String(request.id))],
                payload: AuditPayload(["source": sourceKey.text, "period": period.description, "fields": fields.map(\.rawValue).joined(separator: ","),
                                       "blockers": blockers.joined(separator: " | ")]),
                outcome: status == .refused ? "refused" : "ok"), at: Date(), in: db)
            return request
        }
    }

    public func lockRequest(id: Int64, sourceKey: SourceKey) throws -> LockRequest {
        try writer.read { db in
            let company = try Self.companyRowID(sourceKey, db)
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM lock_request WHERE id = ? AND company_id = ?", arguments: [id, company]) else {
                throw LockRequestError.unknown(id)
            }
            return try Self.lockRequest(row)
        }
    }

    public func lockRequests(sourceKey: SourceKey) throws -> [LockRequest] {
        try writer.read { db in
            let company = try Self.companyRowID(sourceKey, db)
            return try StoreRow.fetchAll(db, sql: "SELECT * FROM lock_request WHERE company_id = ? ORDER BY id", arguments: [company]).map(Self.lockRequest)
        }
    }

    /// Records how an approved lock ended in Odoo, with the lock dates before and after (audited).
    public func finishLockRequest(id: Int64, sourceKey: SourceKey, status: LockRequest.Status, approvedBy: String, detail: String,
                                  before: LockDates, after: LockDates?) throws {
        try writer.write { db in
            _ = try Self.companyRowID(sourceKey, db)
            try db.execute(sql: "UPDATE lock_request SET status = ?, approved_by = ?, approved_at = ?, detail = ? WHERE id = ?",
                           arguments: [status.rawValue, approvedBy, ISO8601DateFormatter().string(from: Date()), detail, id])
            _ = try Self.appendAudit(NewAuditEvent(
                actor: approvedBy, action: status == .verified ? "lock.verified" : "lock.failed",
                targets: [AuditTarget(model: "closer.lock_request", id: String(id))],
                payload: AuditPayload(["source": sourceKey.text, "detail": detail, "before": Self.describe(before), "after": after.map(Self.describe) ?? ""]),
                outcome: status == .verified ? "ok" : "failed"), at: Date(), in: db)
        }
    }

    static func describe(_ dates: LockDates) -> String {
        LockDateField.allCases.compactMap { field in dates[field].map { "\(field.rawValue)=\($0)" } }.joined(separator: ",")
    }

    static func lockRequest(_ row: StoreRow) throws -> LockRequest {
        let decoder = JSONDecoder()
        let fields: String = row["fields"], gate: String = row["gate"], period: String = row["period"], status: String = row["status"]
        return LockRequest(id: row["id"], period: try Period(parsing: period), fields: try decoder.decode([LockDateField].self, from: Data(fields.utf8)),
                           status: LockRequest.Status(rawValue: status) ?? .failed, blockers: try decoder.decode([String].self, from: Data(gate.utf8)),
                           requestedBy: row["requested_by"], approvedBy: row["approved_by"], detail: row["detail"])
    }
}

public enum LockRequestError: Error, CustomStringConvertible, Equatable {
    case unknown(Int64)
    case notWaiting(Int64, status: LockRequest.Status)

    public var description: String {
        switch self {
        case .unknown(let id): "There is no lock request \(id): `closer lock list` shows them."
        case .notWaiting(let id, let status): "Lock request \(id) is \(status.rawValue): only a request waiting for approval can be approved (`closer lock request` asks again)."
        }
    }
}
