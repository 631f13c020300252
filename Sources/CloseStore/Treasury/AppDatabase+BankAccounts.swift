public import Foundation
public import Ledger
public import Treasury

/// Vendors' bank accounts as the last pull saw them, the changes found since, and the verifications people
/// recorded. Each change found and each verification is one audit event (`treasury.bank.change.found`,
/// `treasury.bank.verified`), which is what the outgoing webhooks announce.
extension AppDatabase {
    /// The accounts the last pull of this company saw, by id, and when Closer first watched it; nil when never.
    public func bankAccountWatch(sourceKey: SourceKey) throws -> (accounts: [Int: VendorBankAccount], since: Timestamp)? {
        try writer.read { db in
            let rows = try StoreRow.fetchAll(db, sql: "SELECT account, first_seen_at FROM bank_account_snapshot WHERE source_key = ?", arguments: [sourceKey])
            guard !rows.isEmpty else { return nil }
            var accounts: [Int: VendorBankAccount] = [:]
            for row in rows {
                let account = try JSONDecoder().decode(VendorBankAccount.self, from: Data((row["account"] as String).utf8))
                accounts[account.id] = account
            }
            let first = rows.map { $0["first_seen_at"] as String }.min() ?? ""
            return (accounts, Timestamp(odoo: first) ?? Timestamp(secondsSinceEpoch: 0))
        }
    }

    /// Keeps this pull's accounts as the next one's baseline and records the changes not recorded before; returns those.
    @discardableResult
    public func recordBankAccounts(_ observed: [ObservedBankAccount], changes: [BankDetailChange], sourceKey: SourceKey, actor: String,
                                   at date: Date = Date()) throws -> [BankDetailChange] {
        try writer.write { db in
            let now = Self.utcText(date)
            let first = try String.fetchOne(db, sql: "SELECT min(first_seen_at) FROM bank_account_snapshot WHERE source_key = ?", arguments: [sourceKey]) ?? now
            for account in observed {
                try db.execute(sql: """
                    INSERT INTO bank_account_snapshot (source_key, account_id, account, active, first_seen_at, seen_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (source_key, account_id) DO UPDATE SET account = excluded.account, active = excluded.active, seen_at = excluded.seen_at
                    """, arguments: [sourceKey, account.account.id, try Self.json(account.account), account.active, first, now])
            }
            var recorded: [BankDetailChange] = []
            for change in changes {
                try db.execute(sql: """
                    INSERT INTO bank_detail_change (source_key, account_id, partner_id, kind, changed_at, changed_by, detail, found_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """, arguments: [sourceKey, change.accountID, change.partnerID, change.kind.rawValue, change.at.description, change.by, change.detail, now])
                guard db.changesCount > 0 else { continue }
                recorded.append(change)
                _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: "treasury.bank.change.found",
                                                       targets: [AuditTarget(model: "res.partner.bank", id: String(change.accountID), name: change.detail ?? ""),
                                                                 AuditTarget(model: "res.partner", id: String(change.partnerID), name: "")],
                                                       payload: AuditPayload(["source": sourceKey.text, "kind": change.kind.rawValue, "changed_at": change.at.description,
                                                                              "changed_by": change.by, "detail": change.detail ?? ""])), at: date, in: db)
            }
            return recorded
        }
    }

    /// The changes recorded for these partners' accounts (all partners when nil), oldest first.
    public func bankDetailChanges(sourceKey: SourceKey, partnerIDs: Set<Int>? = nil) throws -> [BankDetailChange] {
        try writer.read { db in
            try StoreRow.fetchAll(db, sql: "SELECT * FROM bank_detail_change WHERE source_key = ? ORDER BY changed_at, id", arguments: [sourceKey]).compactMap { row in
                let partnerID: Int = row["partner_id"]
                guard partnerIDs?.contains(partnerID) ?? true, let kind = BankDetailChange.Kind(rawValue: row["kind"]),
                      let at = Timestamp(odoo: row["changed_at"] as String) else { return nil }
                return BankDetailChange(accountID: row["account_id"], partnerID: partnerID, kind: kind, at: at, by: row["changed_by"], detail: row["detail"])
            }
        }
    }

    /// The companies with a bank-detail change recorded.
    public func bankDetailChangeSources() throws -> [SourceKey] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT source_key FROM bank_detail_change ORDER BY source_key").map { SourceKey($0) }
        }
    }

    /// Records that `by` confirmed `account`'s details with the vendor through `channel`.
    public func recordBankVerification(_ account: VendorBankAccount, sourceKey: SourceKey, by: String, channel: String,
                                       at date: Date = Date()) throws -> BankVerification {
        let channel = channel.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !channel.isEmpty else { throw PaymentRunError.noChannel }
        let at = Timestamp(secondsSinceEpoch: Int64(date.timeIntervalSince1970))
        return try writer.write { db in
            try db.execute(sql: """
                INSERT INTO bank_verification (source_key, account_id, partner_id, number, verified_by, channel, verified_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [sourceKey, account.id, account.partnerID, account.number, by, channel, at.description])
            _ = try Self.appendAudit(NewAuditEvent(actor: by, action: "treasury.bank.verified",
                                                   targets: [AuditTarget(model: "res.partner.bank", id: String(account.id), name: account.number),
                                                             AuditTarget(model: "res.partner", id: String(account.partnerID), name: "")],
                                                   payload: AuditPayload(["source": sourceKey.text, "number": account.number, "channel": channel])),
                                     at: date, in: db)
            return BankVerification(accountID: account.id, by: by, channel: channel, at: at)
        }
    }

    /// The verifications recorded for the company's accounts, oldest first.
    public func bankVerifications(sourceKey: SourceKey) throws -> [BankVerification] {
        try writer.read { db in
            try StoreRow.fetchAll(db, sql: "SELECT * FROM bank_verification WHERE source_key = ? ORDER BY verified_at, id", arguments: [sourceKey]).compactMap { row in
                Timestamp(odoo: row["verified_at"] as String).map {
                    BankVerification(accountID: row["account_id"], by: row["verified_by"], channel: row["channel"], at: $0)
                }
            }
        }
    }
}
