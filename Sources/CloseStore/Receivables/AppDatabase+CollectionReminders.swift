public import Foundation
public import Ledger
public import Receivables

extension AppDatabase {
    /// Stores a drafting pass for one ledger: a customer whose open reminder lists the same invoices at the same
    /// level keeps it (a rerun changes nothing), a changed one is superseded by the new draft, and an open reminder
    /// of a customer with nothing left to remind is superseded. Audited in the same transaction
    /// (`receivables.reminder.drafted`, `.superseded`). Returns the ledger's open reminders and the new ones' ids.
    public func recordReminderDrafts(_ drafts: [(draft: ReminderDraft, letter: String)], sourceKey: SourceKey, asOf: LocalDate, actor: String,
                                     at date: Date = Date()) throws -> (open: [CollectionReminder], new: Set<Int64>) {
        try writer.write { db in
            let now = Self.utcText(date)
            let open = Dictionary(try Self.reminders(sourceKey, [.drafted, .approved], db).map { ($0.draft.customerID, $0) }, uniquingKeysWith: { a, _ in a })
            var new: Set<Int64> = []
            let drafted = Set(drafts.map(\.draft.customerID))
            for stale in open.values where !drafted.contains(stale.draft.customerID) {
                try Self.supersede(stale, because: "nothing left to remind", actor: actor, now: now, date: date, db)
            }
            for (draft, letter) in drafts {
                let key = CollectionReminder.itemsKey(draft)
                if let current = open[draft.customerID] {
                    if CollectionReminder.itemsKey(current.draft) == key { continue }
                    try Self.supersede(current, because: "the overdue invoices changed", actor: actor, now: now, date: date, db)
                }
                try db.execute(sql: """
                    INSERT INTO collection_reminder (source_key, customer_id, customer_name, level, draft, letter, items_key, status, as_of, drafted_by, drafted_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'drafted', ?, ?, ?)
                    """, arguments: [sourceKey, draft.customerID, draft.customerName, draft.level.level, try Self.json(draft), letter, key,
                                     asOf.description, actor, now])
                let id = try db.lastInsertedRowID()
                new.insert(id)
                _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: "receivables.reminder.drafted", targets: [Self.customerTarget(draft)],
                                                       payload: Self.reminderPayload(id, draft, sourceKey)), at: date, in: db)
            }
            return (try Self.reminders(sourceKey, [.drafted, .approved], db), new)
        }
    }

    /// Remembers the To-Do Closer left the collector in Odoo for this reminder.
    public func setReminderActivity(_ id: Int64, activityID: Int) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE collection_reminder SET odoo_activity_id = ? WHERE id = ?", arguments: [activityID, id])
        }
    }

    /// A collector's decision on a drafted reminder; audited (`receivables.reminder.approved`, `.rejected`).
    public func decideReminder(_ id: Int64, approve: Bool, note: String?, actor: String, at date: Date = Date()) throws -> CollectionReminder {
        try writer.write { db in
            let reminder = try Self.reminder(id, db)
            guard reminder.status == .drafted else { throw CollectionsStoreError.reminderNotOpen(id, status: reminder.status.rawValue) }
            let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
            if !approve && (note ?? "").isEmpty { throw CollectionsStoreError.missingText("why the reminder is rejected (--reason)") }
            try db.execute(sql: "UPDATE collection_reminder SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ?",
                           arguments: [approve ? "approved" : "rejected", actor, Self.utcText(date), note, id])
            var payload = Self.reminderPayload(id, reminder.draft, reminder.sourceKey)
            if let note, !note.isEmpty { payload["note"] = note }
            _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: approve ? "receivables.reminder.approved" : "receivables.reminder.rejected",
                                                   targets: [Self.customerTarget(reminder.draft)], payload: payload), at: date, in: db)
            return try Self.reminder(id, db)
        }
    }

    /// Records that the reminder went out as Odoo message `messageID`; audited (`receivables.reminder.sent`).
    /// `actor` is who approved it, or the rule set's autonomous sending.
    public func markReminderSent(_ id: Int64, messageID: Int, actor: String, at date: Date = Date()) throws -> CollectionReminder {
        try writer.write { db in
            let reminder = try Self.reminder(id, db)
            guard reminder.isOpen else { throw CollectionsStoreError.reminderNotOpen(id, status: reminder.status.rawValue) }
            let now = Self.utcText(date)
            try db.execute(sql: """
                UPDATE collection_reminder SET status = 'sent', odoo_message_id = ?, sent_at = ?, decided_by = coalesce(decided_by, ?),
                    decided_at = coalesce(decided_at, ?) WHERE id = ?
                """, arguments: [messageID, now, actor, now, id])
            var payload = Self.reminderPayload(id, reminder.draft, reminder.sourceKey)
            payload["message"] = String(messageID)
            _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: "receivables.reminder.sent", targets: [Self.customerTarget(reminder.draft)],
                                                   payload: payload), at: date, in: db)
            return try Self.reminder(id, db)
        }
    }

    public func reminder(id: Int64) throws -> CollectionReminder {
        try writer.read { db in try Self.reminder(id, db) }
    }

    /// Reminders of one ledger (or all) with these statuses, highest level and largest total first.
    public func reminders(sourceKey: SourceKey? = nil, statuses: Set<CollectionReminder.Status> = Set(CollectionReminder.Status.allCases)) throws -> [CollectionReminder] {
        try writer.read { db in try Self.reminders(sourceKey, statuses, db) }
    }

    static func reminders(_ sourceKey: SourceKey?, _ statuses: Set<CollectionReminder.Status>, _ db: any StoreSession) throws -> [CollectionReminder] {
        let (sql, arguments) = queueQuery("collection_reminder", statuses: statuses.map(\.rawValue), sourceKey: sourceKey)
        return try StoreRow.fetchAll(db, sql: sql + " ORDER BY level DESC, id", arguments: arguments).map(Self.reminder)
    }

    static func reminder(_ id: Int64, _ db: any StoreSession) throws -> CollectionReminder {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM collection_reminder WHERE id = ?", arguments: [id]) else {
            throw CollectionsStoreError.unknownReminder(id)
        }
        return try reminder(row)
    }

    static func reminder(_ row: StoreRow) throws -> CollectionReminder {
        let draft: String = row["draft"], decidedBy: String? = row["decided_by"]
        return CollectionReminder(id: row["id"], sourceKey: row["source_key"], draft: try JSONDecoder().decode(ReminderDraft.self, from: Data(draft.utf8)),
                                  letter: row["letter"], status: CollectionReminder.Status(rawValue: row["status"]) ?? .superseded,
                                  asOf: LocalDate(iso: row["as_of"] as String) ?? LocalDate(daysSinceEpoch: 0), draftedBy: row["drafted_by"], draftedAt: row["drafted_at"],
                                  decision: decidedBy.map { CollectionReminder.Decision(by: $0, at: row["decided_at"], note: row["decision_note"]) },
                                  odooActivityID: row["odoo_activity_id"], odooMessageID: row["odoo_message_id"], sentAt: row["sent_at"])
    }

    private static func supersede(_ reminder: CollectionReminder, because reason: String, actor: String, now: String, date: Date, _ db: any StoreSession) throws {
        try db.execute(sql: "UPDATE collection_reminder SET status = 'superseded', decided_at = coalesce(decided_at, ?) WHERE id = ?", arguments: [now, reminder.id])
        var payload = reminderPayload(reminder.id, reminder.draft, reminder.sourceKey)
        payload["reason"] = reason
        _ = try appendAudit(NewAuditEvent(actor: actor, action: "receivables.reminder.superseded", targets: [customerTarget(reminder.draft)],
                                          payload: payload), at: date, in: db)
    }

    static func customerTarget(_ draft: ReminderDraft) -> AuditTarget {
        AuditTarget(model: "res.partner", id: String(draft.customerID), name: draft.customerName)
    }

    private static func reminderPayload(_ id: Int64, _ draft: ReminderDraft, _ sourceKey: SourceKey) -> AuditPayload {
        AuditPayload(["reminder": String(id), "source": sourceKey.text, "customer": draft.customerName, "level": String(draft.level.level),
                      "channel": draft.level.channel.rawValue, "total": draft.total.decimalText, "currency": "\(draft.total.currency)",
                      "invoices": draft.items.map(\.name).joined(separator: ", "), "escalated": draft.escalated ? "yes" : "no"])
    }
}
