public import Foundation
public import Ledger
public import Treasury

/// Payment runs from proposal to payment. Each step is one transaction with its audit event
/// (`treasury.payment.run.proposed|approved|rejected|superseded|paid`, `treasury.payment.created`). One open run per
/// company: a new proposal supersedes the one waiting, and none is made while an approved run is not yet paid.
extension AppDatabase {
    public func proposePaymentRun(_ proposal: PaymentRunProposal, sourceKey: SourceKey, actor: String, at date: Date = Date()) throws -> PaymentRun {
        try writer.write { db in
            let now = Self.utcText(date)
            if let approved = try Int64.fetchOne(db, sql: "SELECT id FROM payment_run WHERE source_key = ? AND status = 'approved'", arguments: [sourceKey]) {
                throw PaymentRunError.approvedRunUnpaid(id: approved, sourceKey: sourceKey)
            }
            for waiting in try Int64.fetchAll(db, sql: "SELECT id FROM payment_run WHERE source_key = ? AND status = 'proposed'", arguments: [sourceKey]) {
                try db.execute(sql: "UPDATE payment_run SET status = 'superseded', closed_by = ?, closed_at = ?, close_reason = ? WHERE id = ?",
                               arguments: [actor, now, "superseded by a new proposal", waiting])
                try Self.auditRun(try Self.paymentRun(waiting, db), "superseded", actor: actor, at: date, db)
            }
            try db.execute(sql: """
                INSERT INTO payment_run (source_key, status, execution_date, proposal, proposed_by, proposed_at) VALUES (?, 'proposed', ?, ?, ?, ?)
                """, arguments: [sourceKey, proposal.executionDate.description, try Self.json(proposal), actor, now])
            let run = try Self.paymentRun(try db.lastInsertedRowID(), db)
            try Self.auditRun(run, "proposed", actor: actor, at: date, db)
            return run
        }
    }

    /// Approves a proposed run as `actor`, whom `identities` (Closer login and Odoo login) name: refused to its
    /// proposer and to whoever changed, verified or trusted a bank account it pays.
    public func approvePaymentRun(id: Int64, actor: String, identities: Set<String>, at date: Date = Date()) throws -> PaymentRun {
        try writer.write { db in
            let run = try Self.paymentRun(id, db)
            guard run.status == .proposed else { throw PaymentRunError.wrongStatus(id: id, status: run.status.rawValue, step: "approved") }
            guard run.proposed.by.caseInsensitiveCompare(actor) != .orderedSame else { throw PaymentRunError.ownProposal(id: id, actor: actor) }
            let conflicts = Set(identities.union([actor]).flatMap { run.proposal.conflicts(approver: $0) }).sorted()
            guard conflicts.isEmpty else { throw PaymentRunError.conflicts(id: id, reasons: conflicts) }
            guard run.proposal.groups.contains(where: { !$0.payments.isEmpty }) else { throw PaymentRunError.emptyRun(id: id) }
            try db.execute(sql: "UPDATE payment_run SET status = 'approved', approved_by = ?, approved_at = ? WHERE id = ?",
                           arguments: [actor, Self.utcText(date), id])
            let approved = try Self.paymentRun(id, db)
            try Self.auditRun(approved, "approved", actor: actor, at: date, db)
            return approved
        }
    }

    /// Rejects a run no payment of which was claimed yet, with the reason.
    public func rejectPaymentRun(id: Int64, reason: String, actor: String, at date: Date = Date()) throws -> PaymentRun {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw PaymentRunError.noReason }
        return try writer.write { db in
            let run = try Self.paymentRun(id, db)
            guard run.status == .proposed || run.status == .approved else {
                throw PaymentRunError.wrongStatus(id: id, status: run.status.rawValue, step: "rejected")
            }
            guard run.payments.isEmpty else { throw PaymentRunError.wrongStatus(id: id, status: "being paid in Odoo", step: "rejected") }
            try db.execute(sql: "UPDATE payment_run SET status = 'rejected', closed_by = ?, closed_at = ?, close_reason = ? WHERE id = ?",
                           arguments: [actor, Self.utcText(date), reason, id])
            let rejected = try Self.paymentRun(id, db)
            try Self.auditRun(rejected, "rejected", actor: actor, extra: ["reason": reason], at: date, db)
            return rejected
        }
    }

    /// Remembers, before Odoo is asked, that the run is about to pay this bill; returns the payment as claimed
    /// (an earlier claim is kept: its time is when a lost answer's payment may have been created).
    public func claimRunPayment(runID: Int64, billID: Int, at date: Date = Date()) throws -> PaymentRun.Payment {
        try writer.write { db in
            let run = try Self.paymentRun(runID, db)
            guard run.status == .approved else { throw PaymentRunError.wrongStatus(id: runID, status: run.status.rawValue, step: "paid") }
            try db.execute(sql: "INSERT INTO payment_run_payment (run_id, bill_id, state, claimed_at) VALUES (?, ?, 'claimed', ?) ON CONFLICT DO NOTHING",
                           arguments: [runID, billID, Self.utcText(date)])
            return try StoreRow.fetchOne(db, sql: "SELECT * FROM payment_run_payment WHERE run_id = ? AND bill_id = ?", arguments: [runID, billID]).map(Self.runPayment)!
        }
    }

    /// The bill's payment is in Odoo.
    public func markRunPaymentCreated(runID: Int64, billID: Int, paymentID: Int, paymentName: String, actor: String, at date: Date = Date()) throws {
        try writer.write { db in
            try db.execute(sql: """
                UPDATE payment_run_payment SET state = 'created', odoo_payment_id = ?, odoo_payment_name = ?, created_at = ?
                WHERE run_id = ? AND bill_id = ? AND state = 'claimed'
                """, arguments: [paymentID, paymentName, Self.utcText(date), runID, billID])
            guard db.changesCount > 0 else { return }
            let run = try Self.paymentRun(runID, db)
            let payment = run.proposal.groups.flatMap(\.payments).first { $0.candidate.billID == billID }
            _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: "treasury.payment.created",
                                                   targets: [AuditTarget(model: "account.payment", id: String(paymentID), name: paymentName),
                                                             AuditTarget(model: "account.move", id: String(billID), name: payment?.candidate.billName ?? ""),
                                                             AuditTarget(model: "closer.payment_run", id: String(runID), name: run.reference)],
                                                   payload: AuditPayload(["source": run.sourceKey.text, "amount": payment?.amount.decimalText ?? "",
                                                                          "currency": payment.map { "\($0.amount.currency)" } ?? "",
                                                                          "iban": payment?.iban.description ?? ""])), at: date, in: db)
        }
    }

    /// Every payment of the approved run is in Odoo: the run is paid.
    public func markPaymentRunPaid(id: Int64, actor: String, at date: Date = Date()) throws -> PaymentRun {
        try writer.write { db in
            let run = try Self.paymentRun(id, db)
            guard run.status == .approved, run.unpaid.isEmpty else { throw PaymentRunError.wrongStatus(id: id, status: run.status.rawValue, step: "marked paid") }
            try db.execute(sql: "UPDATE payment_run SET status = 'paid' WHERE id = ?", arguments: [id])
            let paid = try Self.paymentRun(id, db)
            try Self.auditRun(paid, "paid", actor: actor, at: date, db)
            return paid
        }
    }

    public func paymentRun(id: Int64) throws -> PaymentRun {
        try writer.read { db in try Self.paymentRun(id, db) }
    }

    /// The runs of one company (or of all) with these statuses, newest first.
    public func paymentRuns(sourceKey: SourceKey? = nil, statuses: Set<PaymentRun.Status> = Set(PaymentRun.Status.allCases)) throws -> [PaymentRun] {
        try writer.read { db in
            let (sql, arguments) = Self.queueQuery("payment_run", statuses: statuses.map(\.rawValue), sourceKey: sourceKey)
            let rows = try StoreRow.fetchAll(db, sql: sql + " ORDER BY id DESC", arguments: arguments)
            // The runs' payments in one read, not one per run.
            let payments = Dictionary(grouping: try StoreRow.fetchAll(db, sql: """
                SELECT * FROM payment_run_payment WHERE run_id IN (SELECT id FROM (\(sql)) AS runs) ORDER BY bill_id
                """, arguments: arguments), by: { $0["run_id"] as Int64 })
            return try rows.map { try Self.paymentRun($0, payments: (payments[$0["id"]] ?? []).map(Self.runPayment)) }
        }
    }

    /// Seconds from each run's approval to each of its payments being created in Odoo: how long paying takes.
    public func paymentProcessingSeconds() throws -> [Double] {
        try writer.read { db in
            try StoreRow.fetchAll(db, sql: """
                SELECT r.approved_at, p.created_at FROM payment_run_payment p JOIN payment_run r ON r.id = p.run_id
                WHERE p.created_at IS NOT NULL AND r.approved_at IS NOT NULL
                """).compactMap { row in
                guard let approved = Timestamp(odoo: row["approved_at"] as String), let created = Timestamp(odoo: row["created_at"] as String) else { return nil }
                return Double(max(0, created.secondsSinceEpoch - approved.secondsSinceEpoch))
            }
        }
    }

    // MARK: - Rows

    private static func auditRun(_ run: PaymentRun, _ action: String, actor: String, extra: [String: String] = [:], at date: Date, _ db: any StoreSession) throws {
        let payments = run.proposal.groups.flatMap(\.payments)
        var payload = ["source": run.sourceKey.text, "execution_date": run.proposal.executionDate.description, "payments": String(payments.count),
                       "left_out": String(run.proposal.leftOut.count),
                       "totals": run.proposal.groups.map { "\($0.total) from journal \($0.journalID)" }.joined(separator: "; ")]
        payload.merge(extra) { $1 }
        _ = try appendAudit(NewAuditEvent(actor: actor, action: "treasury.payment.run.\(action)",
                                          targets: [AuditTarget(model: "closer.payment_run", id: String(run.id), name: run.reference)]
                                              + payments.map { AuditTarget(model: "account.move", id: String($0.candidate.billID), name: $0.candidate.billName) },
                                          payload: AuditPayload(payload)), at: date, in: db)
    }

    private static func paymentRun(_ id: Int64, _ db: any StoreSession) throws -> PaymentRun {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM payment_run WHERE id = ?", arguments: [id]) else { throw PaymentRunError.unknownRun(id) }
        let payments = try StoreRow.fetchAll(db, sql: "SELECT * FROM payment_run_payment WHERE run_id = ? ORDER BY bill_id", arguments: [id]).map(runPayment)
        return try paymentRun(row, payments: payments)
    }

    private static func paymentRun(_ row: StoreRow, payments: [PaymentRun.Payment]) throws -> PaymentRun {
        func step(_ prefix: String, reason: String? = nil) -> PaymentRun.Step? {
            let by: String? = row["\(prefix)_by"]
            return by.map { PaymentRun.Step(by: $0, at: row["\(prefix)_at"], reason: reason.flatMap { row[$0] }) }
        }
        return PaymentRun(id: row["id"], sourceKey: row["source_key"], status: PaymentRun.Status(rawValue: row["status"]) ?? .proposed,
                          proposal: try JSONDecoder().decode(PaymentRunProposal.self, from: Data((row["proposal"] as String).utf8)),
                          proposed: PaymentRun.Step(by: row["proposed_by"], at: row["proposed_at"]), approved: step("approved"),
                          closed: step("closed", reason: "close_reason"), payments: payments)
    }

    private static func runPayment(_ row: StoreRow) -> PaymentRun.Payment {
        PaymentRun.Payment(billID: row["bill_id"], claimedAt: row["claimed_at"], odooPaymentID: row["odoo_payment_id"], odooPaymentName: row["odoo_payment_name"])
    }
}
