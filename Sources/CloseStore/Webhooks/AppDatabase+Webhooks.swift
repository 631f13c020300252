public import Foundation

extension AppDatabase {
    /// Enqueues each event once per target subscribed to its type (an event already enqueued for a target
    /// is left as it is) and moves the feed's audit cursor in the same transaction, so a crash in between
    /// neither loses nor repeats events. Returns how many deliveries were new.
    @discardableResult
    public func enqueueWebhookEvents(_ events: [WebhookEvent], targets: [WebhookTarget], feedCursor: Int64? = nil,
                                     at date: Date = Date()) throws -> Int {
        try writer.write { db in
            let now = Self.utcText(date)
            let insert = try db.prepare(sql: """
                INSERT OR IGNORE INTO webhook_delivery (event_key, event_type, target_url, payload, status, next_attempt_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)
                """)
            var added = 0
            for event in events {
                let body = event.body
                for target in targets where target.events.contains(event.type) {
                    try insert.execute(arguments: [event.key, event.type.rawValue, target.url.absoluteString, body, now, now, now])
                    added += db.changesCount
                }
            }
            if let feedCursor {
                try db.execute(sql: """
                    INSERT INTO webhook_feed_cursor (id, audit_seq) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET audit_seq = \(db.dialect.greater("webhook_feed_cursor.audit_seq", "excluded.audit_seq"))
                    """, arguments: [feedCursor])
            }
            return added
        }
    }

    /// The last audit event already turned into webhook events (0 before the first feed).
    public func webhookFeedCursor() throws -> Int64 {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT audit_seq FROM webhook_feed_cursor WHERE id = 1") ?? 0 }
    }

    /// Pending deliveries whose next attempt is due, oldest first.
    public func dueWebhookDeliveries(at date: Date = Date(), limit: Int = 100) throws -> [WebhookDelivery] {
        try writer.read { db in
            try StoreRow.fetchAll(db, sql: """
                SELECT * FROM webhook_delivery WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?
                """, arguments: [Self.utcText(date), limit]).map(Self.webhookDelivery)
        }
    }

    /// Counts the attempt and records its outcome: delivered, retried later, or dead (audited, since someone must act).
    @discardableResult
    public func recordDeliveryAttempt(id: Int64, outcome: DeliveryAttemptOutcome, actor: String, at date: Date = Date()) throws -> WebhookDelivery {
        try writer.write { db in
            let now = Self.utcText(date)
            switch outcome {
            case .delivered:
                try db.execute(sql: """
                    UPDATE webhook_delivery SET status = 'delivered', attempts = attempts + 1, last_error = NULL, updated_at = ?, delivered_at = ?
                    WHERE id = ? AND status = 'pending'
                    """, arguments: [now, now, id])
            case .failed(let error, let retryAt?):
                try db.execute(sql: """
                    UPDATE webhook_delivery SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'
                    """, arguments: [error, Self.utcText(retryAt), now, id])
            case .failed(let error, nil):
                try db.execute(sql: """
                    UPDATE webhook_delivery SET status = 'dead', attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ? AND status = 'pending'
                    """, arguments: [error, now, id])
            }
            let changed = db.changesCount > 0
            let delivery = try Self.webhookDelivery(id: id, db)
            if delivery.status == .dead, changed {
                try Self.auditDelivery("webhook.dead", delivery, actor: actor, at: date, db, outcome: "failed")
            }
            return delivery
        }
    }

    /// Deliveries that gave up, newest first, for the dashboard.
    public func deadLetters() throws -> [WebhookDelivery] {
        try webhookDeliveries(status: .dead)
    }

    public func webhookDeliveries(status: WebhookDelivery.Status? = nil) throws -> [WebhookDelivery] {
        try writer.read { db in
            try StoreRow.fetchAll(db, sql: "SELECT * FROM webhook_delivery WHERE (CAST(? AS TEXT) IS NULL OR status = ?) ORDER BY id DESC",
                             arguments: [status?.rawValue, status?.rawValue]).map(Self.webhookDelivery)
        }
    }

    /// An admin sends a dead letter again: pending, due now, attempts counted from zero (audited).
    @discardableResult
    public func requeueDeadLetter(id: Int64, actor: String, at date: Date = Date()) throws -> WebhookDelivery {
        try writer.write { db in
            try Self.requireAdmin(actor, db)
            let delivery = try Self.webhookDelivery(id: id, db)
            guard delivery.status == .dead else { throw WebhookDeliveryError.notDead(id, status: delivery.status) }
            let now = Self.utcText(date)
            try db.execute(sql: "UPDATE webhook_delivery SET status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ?",
                           arguments: [now, now, id])
            try Self.auditDelivery("webhook.requeued", delivery, actor: actor, at: date, db)
            return try Self.webhookDelivery(id: id, db)
        }
    }

    static func auditDelivery(_ action: String, _ delivery: WebhookDelivery, actor: String, at date: Date, _ db: any StoreSession, outcome: String = "ok") throws {
        _ = try appendAudit(NewAuditEvent(
            actor: actor, action: action, targets: [AuditTarget(model: "closer.webhook_delivery", id: String(delivery.id), name: delivery.eventKey)],
            payload: AuditPayload(["event_type": delivery.eventType.rawValue, "target": delivery.targetDisplay, "attempts": String(delivery.attempts),
                                   "last_error": delivery.lastError ?? ""]), outcome: outcome), at: date, in: db)
    }

    static func webhookDelivery(id: Int64, _ db: any StoreSession) throws -> WebhookDelivery {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM webhook_delivery WHERE id = ?", arguments: [id]) else {
            throw WebhookDeliveryError.unknown(id)
        }
        return webhookDelivery(row)
    }

    static func webhookDelivery(_ row: StoreRow) -> WebhookDelivery {
        WebhookDelivery(id: row["id"], eventKey: row["event_key"], eventType: WebhookEventType(rawValue: row["event_type"]) ?? .findingOpened,
                        targetURL: row["target_url"], payload: row["payload"],
                        status: WebhookDelivery.Status(rawValue: row["status"]) ?? .pending, attempts: row["attempts"],
                        nextAttemptAt: row["next_attempt_at"], lastError: row["last_error"], createdAt: row["created_at"],
                        updatedAt: row["updated_at"], deliveredAt: row["delivered_at"])
    }
}

public enum WebhookDeliveryError: Error, CustomStringConvertible, Equatable {
    case unknown(Int64)
    case notDead(Int64, status: WebhookDelivery.Status)

    public var description: String {
        switch self {
        case .unknown(let id): "There is no webhook delivery \(id)."
        case .notDead(let id, let status): "Webhook delivery \(id) is \(status.rawValue): only a dead letter can be re-queued."
        }
    }
}
