public import Foundation
public import Ledger

extension AppDatabase {
    /// Records a promise to pay; audited (`receivables.promise.recorded`).
    public func recordPromise(sourceKey: SourceKey, customerID: Int, customerName: String, invoiceIDs: [Int], promisedOn: LocalDate, amount: Money,
                              openAtRecording: Money, note: String?, actor: String, at date: Date = Date()) throws -> PromiseToPay {
        guard amount.minorUnits > 0 else { throw CollectionsStoreError.notPositive("The promised amount") }
        return try writer.write { db in
            try db.execute(sql: """
                INSERT INTO collection_promise (source_key, customer_id, customer_name, invoice_ids, promised_on, amount_minor, open_minor_at_recording,
                                                currency, scale, note, recorded_by, recorded_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')
                """, arguments: [sourceKey, customerID, customerName, try Self.json(invoiceIDs), promisedOn.description, amount.minorUnits,
                                 openAtRecording.minorUnits, "\(amount.currency)", amount.scale, note, actor, Self.utcText(date)])
            let promise = try Self.promise(try db.lastInsertedRowID(), db)
            _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: "receivables.promise.recorded", targets: [Self.customerTarget(promise)],
                                                   payload: Self.promisePayload(promise)), at: date, in: db)
            return promise
        }
    }

    /// Closes an open promise as kept or broken; audited (`receivables.promise.kept`, `.broken` — the one the
    /// outgoing webhooks announce as `promise.broken`).
    public func resolvePromise(_ id: Int64, as status: PromiseToPay.Status, actor: String, at date: Date = Date()) throws -> PromiseToPay {
        try writer.write { db in
            let promise = try Self.promise(id, db)
            guard promise.status == .open else { throw CollectionsStoreError.promiseNotOpen(id, status: promise.status.rawValue) }
            guard status != .open else { return promise }
            try db.execute(sql: "UPDATE collection_promise SET status = ?, resolved_at = ? WHERE id = ?", arguments: [status.rawValue, Self.utcText(date), id])
            _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: "receivables.promise.\(status.rawValue)", targets: [Self.customerTarget(promise)],
                                                   payload: Self.promisePayload(promise)), at: date, in: db)
            return try Self.promise(id, db)
        }
    }

    public func promises(sourceKey: SourceKey? = nil, statuses: Set<PromiseToPay.Status> = Set(PromiseToPay.Status.allCases)) throws -> [PromiseToPay] {
        try writer.read { db in
            let (sql, arguments) = Self.queueQuery("collection_promise", statuses: statuses.map(\.rawValue), sourceKey: sourceKey)
            return try StoreRow.fetchAll(db, sql: sql + " ORDER BY promised_on, id", arguments: arguments).map(Self.promise)
        }
    }

    static func promise(_ id: Int64, _ db: any StoreSession) throws -> PromiseToPay {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM collection_promise WHERE id = ?", arguments: [id]) else {
            throw CollectionsStoreError.unknownPromise(id)
        }
        return try promise(row)
    }

    static func promise(_ row: StoreRow) throws -> PromiseToPay {
        let ids: String = row["invoice_ids"], currency = CurrencyCode(row["currency"] as String) ?? .usd, scale: Int = row["scale"]
        return PromiseToPay(id: row["id"], sourceKey: row["source_key"], customerID: row["customer_id"], customerName: row["customer_name"],
                            invoiceIDs: try JSONDecoder().decode([Int].self, from: Data(ids.utf8)),
                            promisedOn: LocalDate(iso: row["promised_on"] as String) ?? LocalDate(daysSinceEpoch: 0),
                            amount: Money(minorUnits: row["amount_minor"], currency: currency, scale: scale),
                            openAtRecording: Money(minorUnits: row["open_minor_at_recording"], currency: currency, scale: scale),
                            note: row["note"], recordedBy: row["recorded_by"], recordedAt: row["recorded_at"],
                            status: PromiseToPay.Status(rawValue: row["status"]) ?? .open, resolvedAt: row["resolved_at"])
    }

    static func customerTarget(_ promise: PromiseToPay) -> AuditTarget {
        AuditTarget(model: "res.partner", id: String(promise.customerID), name: promise.customerName)
    }

    private static func promisePayload(_ promise: PromiseToPay) -> AuditPayload {
        AuditPayload(["promise": String(promise.id), "source": promise.sourceKey.text, "customer": promise.customerName,
                      "promisedOn": promise.promisedOn.description, "amount": promise.amount.decimalText, "currency": "\(promise.amount.currency)",
                      "invoices": promise.invoiceIDs.map(String.init).joined(separator: ", "), "note": promise.note ?? ""])
    }
}
