public import Foundation
public import Ledger

extension AppDatabase {
    /// Records that the customer contests an invoice; one open dispute per invoice; audited (`receivables.dispute.opened`).
    public func recordDispute(sourceKey: SourceKey, invoice: (id: Int, name: String), customer: (id: Int, name: String), reason: String,
                              ownerLogin: String?, actor: String, at date: Date = Date()) throws -> InvoiceDispute {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw CollectionsStoreError.missingText("what the customer disputes (--reason)") }
        return try writer.write { db in
            if let open = try Int64.fetchOne(db, sql: "SELECT id FROM collection_dispute WHERE source_key = ? AND invoice_id = ? AND status = 'open'",
                                             arguments: [sourceKey, invoice.id]) {
                throw CollectionsStoreError.alreadyDisputed(invoice: invoice.name, disputeID: open)
            }
            try db.execute(sql: """
                INSERT INTO collection_dispute (source_key, invoice_id, invoice_name, customer_id, customer_name, reason, owner_login, recorded_by,
                                                recorded_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')
                """, arguments: [sourceKey, invoice.id, invoice.name, customer.id, customer.name, reason, ownerLogin, actor, Self.utcText(date)])
            let dispute = try Self.dispute(try db.lastInsertedRowID(), db)
            _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: "receivables.dispute.opened", targets: [Self.invoiceTarget(dispute)],
                                                   payload: Self.disputePayload(dispute)), at: date, in: db)
            return dispute
        }
    }

    /// Remembers the To-Do Closer left the dispute's owner in Odoo.
    public func setDisputeActivity(_ id: Int64, activityID: Int) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE collection_dispute SET odoo_activity_id = ? WHERE id = ?", arguments: [activityID, id])
        }
    }

    /// Closes a dispute with what was decided; the invoice rejoins the reminders if still open. Audited (`receivables.dispute.resolved`).
    public func resolveDispute(_ id: Int64, resolution: String, actor: String, at date: Date = Date()) throws -> InvoiceDispute {
        let resolution = resolution.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !resolution.isEmpty else { throw CollectionsStoreError.missingText("how the dispute was resolved (--resolution)") }
        return try writer.write { db in
            let dispute = try Self.dispute(id, db)
            guard dispute.status == .open else { throw CollectionsStoreError.disputeNotOpen(id) }
            try db.execute(sql: "UPDATE collection_dispute SET status = 'resolved', resolved_by = ?, resolved_at = ?, resolution = ? WHERE id = ?",
                           arguments: [actor, Self.utcText(date), resolution, id])
            var payload = Self.disputePayload(dispute)
            payload["resolution"] = resolution
            _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: "receivables.dispute.resolved", targets: [Self.invoiceTarget(dispute)],
                                                   payload: payload), at: date, in: db)
            return try Self.dispute(id, db)
        }
    }

    public func disputes(sourceKey: SourceKey? = nil, statuses: Set<InvoiceDispute.Status> = Set(InvoiceDispute.Status.allCases)) throws -> [InvoiceDispute] {
        try writer.read { db in
            let (sql, arguments) = Self.queueQuery("collection_dispute", statuses: statuses.map(\.rawValue), sourceKey: sourceKey)
            return try StoreRow.fetchAll(db, sql: sql + " ORDER BY recorded_at, id", arguments: arguments).map(Self.dispute)
        }
    }

    static func dispute(_ id: Int64, _ db: any StoreSession) throws -> InvoiceDispute {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM collection_dispute WHERE id = ?", arguments: [id]) else {
            throw CollectionsStoreError.unknownDispute(id)
        }
        return dispute(row)
    }

    static func dispute(_ row: StoreRow) -> InvoiceDispute {
        InvoiceDispute(id: row["id"], sourceKey: row["source_key"], invoiceID: row["invoice_id"], invoiceName: row["invoice_name"],
                       customerID: row["customer_id"], customerName: row["customer_name"], reason: row["reason"], ownerLogin: row["owner_login"],
                       recordedBy: row["recorded_by"], recordedAt: row["recorded_at"], status: InvoiceDispute.Status(rawValue: row["status"]) ?? .open,
                       resolvedBy: row["resolved_by"], resolvedAt: row["resolved_at"], resolution: row["resolution"], odooActivityID: row["odoo_activity_id"])
    }

    private static func invoiceTarget(_ dispute: InvoiceDispute) -> AuditTarget {
        AuditTarget(model: "account.move", id: String(dispute.invoiceID), name: dispute.invoiceName)
    }

    private static func disputePayload(_ dispute: InvoiceDispute) -> AuditPayload {
        AuditPayload(["dispute": String(dispute.id), "source": dispute.sourceKey.text, "invoice": dispute.invoiceName,
                      "customer": dispute.customerName, "reason": dispute.reason, "owner": dispute.ownerLogin ?? ""])
    }
}
