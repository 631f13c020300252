public import Foundation
public import Ledger
public import Payables

extension AppDatabase {
    /// Records the intake's verdict on a bill. The same problems found again only move `checked_at` (a
    /// rerun changes nothing and audits nothing, and a release stands); new problems open the bill again,
    /// and a bill whose problems are gone is clear. Each change is audited in the same transaction —
    /// `payables.bill.held`, `.needs-approval`, `.warned` or `.cleared` — which is what the outgoing
    /// webhooks announce. Returns the review as stored and whether it changed.
    @discardableResult
    public func recordBillVerdict(_ verdict: BillVerdict, preparerLogin: String?, actor: String, at date: Date = Date()) throws -> (review: BillReview, changed: Bool) {
        try writer.write { db in
            let bill = verdict.bill
            let now = Self.utcText(date)
            let stored = try Self.billReview(bill.source, bill.id, db)
            if let stored, stored.verdict.problemKey == verdict.problemKey {
                try db.execute(sql: "UPDATE bill_review SET checked_at = ?, verdict = ? WHERE source_key = ? AND bill_id = ?",
                               arguments: [now, try Self.json(verdict), bill.source, bill.id])
                var review = stored
                review.checkedAt = now
                review.verdict = verdict
                return (review, false)
            }
            let status: BillReview.Status = switch verdict.action {
            case nil: .clear
            case .warn: .warned
            case .secondApprover, .hold: .blocked
            }
            let flaggedAt = status == .clear ? nil : now
            try db.execute(sql: """
                INSERT INTO bill_review (source_key, bill_id, bill_name, vendor, amount, currency, status, action, problem_key, verdict,
                                         preparer_login, flagged_at, checked_at, blocked_in_odoo)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                ON CONFLICT (source_key, bill_id) DO UPDATE SET bill_name = excluded.bill_name, vendor = excluded.vendor, amount = excluded.amount,
                    currency = excluded.currency, status = excluded.status, action = excluded.action, problem_key = excluded.problem_key,
                    verdict = excluded.verdict, preparer_login = excluded.preparer_login, flagged_at = excluded.flagged_at,
                    checked_at = excluded.checked_at, released_by = NULL, released_at = NULL, release_reason = NULL
                """, arguments: [bill.source, bill.id, bill.name, bill.vendor.displayName, bill.total.decimalText, "\(bill.total.currency)",
                                 status.rawValue, verdict.action?.rawValue, verdict.problemKey, try Self.json(verdict), preparerLogin, flaggedAt, now])
            if stored != nil || status != .clear {
                let action = switch verdict.action {
                case nil: "payables.bill.cleared"
                case .warn: "payables.bill.warned"
                case .secondApprover: "payables.bill.needs-approval"
                case .hold: "payables.bill.held"
                }
                _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: action, targets: [Self.auditTarget(bill)],
                                                       payload: Self.billPayload(verdict)), at: date, in: db)
            }
            guard let review = try Self.billReview(bill.source, bill.id, db) else { throw BillReviewError.unknownBill(bill.id, bill.source) }
            return (review, true)
        }
    }

    /// Lets a blocked bill be paid despite its verdict. Refused to the bill's preparer (matched by login)
    /// and for a bill that is not blocked; the reason is kept and audited.
    public func releaseBill(sourceKey: SourceKey, billID: Int, reason: String, actor: String, at date: Date = Date()) throws -> BillReview {
        try writer.write { db in
            guard let review = try Self.billReview(sourceKey, billID, db) else { throw BillReviewError.unknownBill(billID, sourceKey) }
            guard review.status == .blocked else { throw BillReviewError.notBlocked(review) }
            if let preparer = review.preparerLogin, preparer.caseInsensitiveCompare(actor) == .orderedSame {
                throw BillReviewError.ownBill(review, actor: actor)
            }
            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw BillReviewError.noReason }
            try db.execute(sql: """
                UPDATE bill_review SET status = 'released', released_by = ?, released_at = ?, release_reason = ? WHERE source_key = ? AND bill_id = ?
                """, arguments: [actor, Self.utcText(date), trimmed, sourceKey, billID])
            var payload = Self.billPayload(review.verdict)
            payload["reason"] = trimmed
            _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: "payables.bill.released", targets: [Self.auditTarget(review.verdict.bill)],
                                                   payload: payload), at: date, in: db)
            guard let released = try Self.billReview(sourceKey, billID, db) else { throw BillReviewError.unknownBill(billID, sourceKey) }
            return released
        }
    }

    /// Remembers, before Odoo is asked, that Odoo's payment block on the bill is Closer's doing (so only
    /// Closer's is ever lifted, and a retry after a lost answer knows it asked); audited.
    public func setBillBlockedInOdoo(_ blocked: Bool, sourceKey: SourceKey, billID: Int, actor: String, at date: Date = Date()) throws {
        try writer.write { db in
            guard let review = try Self.billReview(sourceKey, billID, db) else { throw BillReviewError.unknownBill(billID, sourceKey) }
            try db.execute(sql: "UPDATE bill_review SET blocked_in_odoo = ? WHERE source_key = ? AND bill_id = ?",
                           arguments: [blocked, sourceKey, billID])
            _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: blocked ? "payables.payment.blocked" : "payables.payment.unblocked",
                                                   targets: [Self.auditTarget(review.verdict.bill)], payload: Self.billPayload(review.verdict)),
                                     at: date, in: db)
        }
    }

    public func billReview(sourceKey: SourceKey, billID: Int) throws -> BillReview? {
        try writer.read { db in try Self.billReview(sourceKey, billID, db) }
    }

    /// The reviews of one ledger (or of all), oldest problem first, optionally only with these statuses and
    /// of vendors whose name contains `vendor` (any case).
    public func billReviews(sourceKey: SourceKey? = nil, statuses: Set<BillReview.Status> = Set(BillReview.Status.allCases),
                            vendor: String? = nil) throws -> [BillReview] {
        try writer.read { db in
            var (sql, arguments) = Self.queueQuery("bill_review", statuses: statuses.map(\.rawValue), sourceKey: sourceKey)
            if let vendor {
                sql += " AND \(db.dialect.position(of: "lower(?)", in: "lower(vendor)")) > 0"
                arguments += [vendor]
            }
            return try StoreRow.fetchAll(db, sql: sql + " ORDER BY flagged_at IS NULL, flagged_at, source_key, bill_id", arguments: arguments).map(Self.billReview)
        }
    }

    /// A queue's rows: `SELECT * FROM table` with one of these statuses, of one ledger or of all.
    static func queueQuery(_ table: String, statuses: [String], sourceKey: SourceKey?) -> (sql: String, arguments: StoreArguments) {
        let sql = "SELECT * FROM \(table) WHERE status IN (\(statuses.map { "'\($0)'" }.sorted().joined(separator: ", ")))"
        guard let sourceKey else { return (sql, []) }
        return (sql + " AND source_key = ?", [sourceKey])
    }

    /// Why the bill may not go into a payment now, or nil: what a payment proposal asks before taking it.
    public func paymentBlock(sourceKey: SourceKey, billID: Int) throws -> String? {
        guard let review = try billReview(sourceKey: sourceKey, billID: billID), review.blocksPayment else { return nil }
        return "\(review.verdict.bill.title) is \(review.verdict.action == .hold ? "held" : "waiting for a second approver"): "
            + review.verdict.reasons.joined(separator: " ")
    }

    private static func billReview(_ source: SourceKey, _ billID: Int, _ db: any StoreSession) throws -> BillReview? {
        try StoreRow.fetchOne(db, sql: "SELECT * FROM bill_review WHERE source_key = ? AND bill_id = ?", arguments: [source, billID]).map(billReview)
    }

    static func billReview(_ row: StoreRow) throws -> BillReview {
        let text: String = row["verdict"]
        let releasedBy: String? = row["released_by"]
        return BillReview(sourceKey: row["source_key"], billID: row["bill_id"], status: BillReview.Status(rawValue: row["status"]) ?? .blocked,
                          verdict: try JSONDecoder().decode(BillVerdict.self, from: Data(text.utf8)), preparerLogin: row["preparer_login"],
                          flaggedAt: row["flagged_at"], checkedAt: row["checked_at"],
                          release: releasedBy.map { BillReview.Release(by: $0, at: row["released_at"], reason: row["release_reason"]) },
                          blockedInOdoo: row["blocked_in_odoo"])
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func auditTarget(_ bill: VendorBill) -> AuditTarget {
        AuditTarget(model: "account.move", id: String(bill.id), name: bill.name)
    }

    private static func billPayload(_ verdict: BillVerdict) -> AuditPayload {
        let bill = verdict.bill
        return AuditPayload(["source": bill.source.text, "vendor": bill.vendor.displayName, "reference": bill.reference ?? "",
                             "amount": bill.total.decimalText, "currency": "\(bill.total.currency)", "action": verdict.action?.rawValue ?? "none",
                             "duplicates": String(verdict.duplicates.count), "exceptions": String(verdict.exceptions.count),
                             "reasons": verdict.reasons.joined(separator: " ")])
    }
}
