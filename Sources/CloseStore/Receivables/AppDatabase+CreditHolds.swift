public import Foundation
public import Ledger
public import Receivables

/// Credit holds from proposal to release. Every step is one transaction with its audit event
/// (`receivables.credit.hold.proposed|approved|applying|applied|released|restored|rejected`), which is what the
/// outgoing webhooks announce.
extension AppDatabase {
    /// Proposes a hold for a customer over policy, unless the customer has an open hold already (returned
    /// unchanged, `created` false): a rerun proposes nothing twice.
    @discardableResult
    public func proposeCreditHold(_ verdict: CreditVerdict, sourceKey: SourceKey, actor: String, at date: Date = Date()) throws
        -> (hold: CreditHold, created: Bool) {
        try writer.write { db in
            let credit = verdict.credit
            if let open = try Self.openCreditHold(sourceKey, credit.customerID, db) { return (open, false) }
            try db.execute(sql: """
                INSERT INTO credit_hold (source_key, partner_id, partner_name, status, currency, exposure, credit_limit, seriously_overdue, reasons,
                                         proposed_by, proposed_at)
                VALUES (?, ?, ?, 'proposed', ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [sourceKey, credit.customerID, credit.customerName, "\(credit.exposure.currency)", credit.exposure.decimalText,
                                 credit.limit?.decimalText, verdict.seriouslyOverdue.decimalText, try Self.json(verdict.reasons), actor, Self.utcText(date)])
            let hold = try Self.creditHold(try db.lastInsertedRowID(), db)
            try Self.auditHold(hold, "proposed", actor: actor, extra: ["standing": verdict.standing], at: date, db)
            return (hold, true)
        }
    }

    /// Approves a proposed hold; refused to its proposer (matched by login, any case).
    public func approveCreditHold(id: Int64, actor: String, at date: Date = Date()) throws -> CreditHold {
        try step(id, from: [.proposed], named: "approved", at: date) { hold, db in
            guard hold.proposed.by.caseInsensitiveCompare(actor) != .orderedSame else { throw CreditHoldError.ownProposal(id: id, actor: actor) }
            try db.execute(sql: "UPDATE credit_hold SET status = 'approved', approved_by = ?, approved_at = ? WHERE id = ?",
                           arguments: [actor, Self.utcText(date), id])
            return ("approved", actor, [:])
        }
    }

    /// Rejects a hold not yet claimed in Odoo, with the reason.
    public func rejectCreditHold(id: Int64, reason: String, actor: String, at date: Date = Date()) throws -> CreditHold {
        let reason = try Self.required(reason)
        return try step(id, from: [.proposed, .approved], named: "rejected", at: date) { hold, db in
            guard hold.odooBlock == nil else { throw CreditHoldError.wrongStatus(id: id, status: "being applied in Odoo", step: "rejected") }
            try Self.close(id, status: .rejected, reason: reason, actor: actor, lifting: false, date, db)
            return ("rejected", actor, ["reason": reason])
        }
    }

    /// Remembers, before Odoo is asked, that Closer is about to block the customer and what warning it had
    /// (what the release puts back); audited.
    public func claimCreditHoldBlock(id: Int64, previous: SaleWarning, actor: String, at date: Date = Date()) throws -> CreditHold {
        try step(id, from: [.approved], named: "applied", at: date) { _, db in
            try db.execute(sql: "UPDATE credit_hold SET odoo_block = 'claimed', previous_warn = ?, previous_warn_msg = ? WHERE id = ?",
                           arguments: [previous.level, previous.message, id])
            return ("applying", actor, ["previous_warning": previous.level, "previous_message": previous.message ?? ""])
        }
    }

    /// The block is in Odoo: the hold is applied.
    public func markCreditHoldApplied(id: Int64, actor: String, at date: Date = Date()) throws -> CreditHold {
        try step(id, from: [.approved], named: "applied", at: date) { hold, db in
            guard hold.odooBlock == .claimed else { throw CreditHoldError.wrongStatus(id: id, status: "not claimed in Odoo", step: "marked applied") }
            try db.execute(sql: "UPDATE credit_hold SET status = 'applied', odoo_block = 'set', applied_by = ?, applied_at = ? WHERE id = ?",
                           arguments: [actor, Self.utcText(date), id])
            return ("applied", actor, [:])
        }
    }

    /// Releases an open hold with the reason (the customer's standing when a run releases it). A block Closer
    /// claimed or set in Odoo is then lifting: the previous warning is to be put back.
    public func releaseCreditHold(id: Int64, reason: String, actor: String, at date: Date = Date()) throws -> CreditHold {
        let reason = try Self.required(reason)
        return try step(id, from: CreditHoldStatus.open, named: "released", at: date) { hold, db in
            try Self.close(id, status: .released, reason: reason, actor: actor, lifting: hold.odooBlock == .claimed || hold.odooBlock == .set, date, db)
            return ("released", actor, ["reason": reason])
        }
    }

    /// The previous warning is back in Odoo (`restored`), or someone changed the customer's warning since and it was left as they set it.
    public func markCreditHoldLifted(id: Int64, restored: Bool, actor: String, at date: Date = Date()) throws -> CreditHold {
        try step(id, from: [.released], named: "lifted", at: date) { hold, db in
            guard hold.odooBlock == .lifting else { throw CreditHoldError.wrongStatus(id: id, status: "not lifting in Odoo", step: "marked lifted") }
            try db.execute(sql: "UPDATE credit_hold SET odoo_block = 'lifted' WHERE id = ?", arguments: [id])
            return ("restored", actor, ["outcome": restored ? "previous warning restored" : "warning changed in Odoo since; left as it is"])
        }
    }

    public func creditHold(id: Int64) throws -> CreditHold {
        try writer.read { db in try Self.creditHold(id, db) }
    }

    /// The holds of one ledger (or of all) with these statuses, oldest first.
    public func creditHolds(sourceKey: SourceKey? = nil, statuses: Set<CreditHoldStatus> = Set(CreditHoldStatus.allCases)) throws -> [CreditHold] {
        try writer.read { db in
            let (sql, arguments) = Self.queueQuery("credit_hold", statuses: statuses.map(\.rawValue), sourceKey: sourceKey)
            return try StoreRow.fetchAll(db, sql: sql + " ORDER BY proposed_at, id", arguments: arguments).map(Self.creditHold)
        }
    }

    // MARK: - Steps

    /// One step: the hold must be in `from`; `change` updates it and names the audit action, actor and details.
    private func step(_ id: Int64, from: Set<CreditHoldStatus>, named: String, at date: Date,
                      _ change: (CreditHold, any StoreSession) throws -> (action: String, actor: String, extra: [String: String])) throws -> CreditHold {
        try writer.write { db in
            let hold = try Self.creditHold(id, db)
            guard from.contains(hold.status) else { throw CreditHoldError.wrongStatus(id: id, status: hold.status.rawValue, step: named) }
            let (action, actor, extra) = try change(hold, db)
            let changed = try Self.creditHold(id, db)
            try Self.auditHold(changed, action, actor: actor, extra: extra, at: date, db)
            return changed
        }
    }

    private static func close(_ id: Int64, status: CreditHoldStatus, reason: String, actor: String, lifting: Bool, _ date: Date, _ db: any StoreSession) throws {
        try db.execute(sql: """
            UPDATE credit_hold SET status = ?, closed_by = ?, closed_at = ?, close_reason = ?,
                odoo_block = CASE WHEN ? = 1 THEN 'lifting' ELSE odoo_block END WHERE id = ?
            """, arguments: [status.rawValue, actor, utcText(date), reason, lifting, id])
    }

    private static func required(_ reason: String) throws -> String {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw CreditHoldError.noReason }
        return trimmed
    }

    private static func auditHold(_ hold: CreditHold, _ action: String, actor: String, extra: [String: String], at date: Date, _ db: any StoreSession) throws {
        var payload: [String: String] = ["source": hold.sourceKey.text, "partner": hold.partnerName, "partner_id": String(hold.partnerID),
                                         "status": hold.status.rawValue, "exposure": hold.exposure, "limit": hold.limit ?? "",
                                         "seriously_overdue": hold.seriouslyOverdue, "currency": hold.currency,
                                         "reasons": hold.reasons.joined(separator: "; ")]
        payload.merge(extra) { $1 }
        _ = try appendAudit(NewAuditEvent(actor: actor, action: "receivables.credit.hold.\(action)",
                                          targets: [AuditTarget(model: "closer.credit_hold", id: String(hold.id), name: hold.partnerName),
                                                    AuditTarget(model: "res.partner", id: String(hold.partnerID), name: hold.partnerName)],
                                          payload: AuditPayload(payload)), at: date, in: db)
    }

    // MARK: - Rows

    private static func openCreditHold(_ sourceKey: SourceKey, _ partnerID: Int, _ db: any StoreSession) throws -> CreditHold? {
        try StoreRow.fetchOne(db, sql: "SELECT * FROM credit_hold WHERE source_key = ? AND partner_id = ? AND status IN ('proposed', 'approved', 'applied')",
                         arguments: [sourceKey, partnerID]).map(creditHold)
    }

    private static func creditHold(_ id: Int64, _ db: any StoreSession) throws -> CreditHold {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM credit_hold WHERE id = ?", arguments: [id]) else { throw CreditHoldError.unknownHold(id) }
        return try creditHold(row)
    }

    private static func creditHold(_ row: StoreRow) throws -> CreditHold {
        func step(_ prefix: String, reason: String? = nil) -> CreditHold.Step? {
            let by: String? = row["\(prefix)_by"]
            return by.map { CreditHold.Step(by: $0, at: row["\(prefix)_at"], reason: reason.flatMap { row[$0] }) }
        }
        let reasons: String = row["reasons"]
        let previous: String? = row["previous_warn"]
        return CreditHold(id: row["id"], sourceKey: row["source_key"], partnerID: row["partner_id"], partnerName: row["partner_name"],
                          status: CreditHoldStatus(rawValue: row["status"]) ?? .proposed, exposure: row["exposure"], limit: row["credit_limit"],
                          seriouslyOverdue: row["seriously_overdue"], currency: row["currency"],
                          reasons: try JSONDecoder().decode([String].self, from: Data(reasons.utf8)),
                          proposed: CreditHold.Step(by: row["proposed_by"], at: row["proposed_at"], reason: nil),
                          approved: step("approved"), applied: step("applied"), closed: step("closed", reason: "close_reason"),
                          odooBlock: (row["odoo_block"] as String?).flatMap(CreditHold.OdooBlock.init(rawValue:)),
                          previousWarning: previous.map { SaleWarning(level: $0, message: row["previous_warn_msg"]) })
    }
}
