public import Foundation
public import Governance
public import Ledger

/// The exceptions live reviews found, kept between reviews. A review records everything it found; what it looked at
/// and no longer found is resolved. Each opening and resolution is an audit event (`operations.exception.opened`,
/// `operations.exception.resolved`), which is what the outgoing webhooks announce.
extension AppDatabase {
    /// Records one review of `family`: `found` is everything it found; `covering` the records it looked at ("model#id"),
    /// or nil when it looked at everything of the family, so open sightings on them not found again are resolved.
    @discardableResult
    public func recordExceptionSweep(_ found: [ExceptionSighting], family: ExceptionFamily, sourceKey: SourceKey, covering: Set<String>?,
                                     actor: String, at date: Date = Date()) throws -> ExceptionSweep {
        try writer.write { db in
            let now = Self.utcText(date)
            var sweep = ExceptionSweep()
            var seen: Set<String> = []
            for sighting in found where sighting.family == family && seen.insert(sighting.fingerprint).inserted {
                let wasOpen = try Bool.fetchOne(db, sql: """
                    SELECT resolved_at IS NULL FROM exception_sighting WHERE source_key = ? AND family = ? AND fingerprint = ?
                    """, arguments: [sourceKey, family.rawValue, sighting.fingerprint])
                try db.execute(sql: """
                    INSERT INTO exception_sighting (source_key, family, fingerprint, kind, subject, reason, record_model, record_id, record_name,
                                                    owner, first_seen_at, last_seen_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (source_key, family, fingerprint) DO UPDATE SET
                        kind = excluded.kind, subject = excluded.subject, reason = excluded.reason, record_model = excluded.record_model,
                        record_id = excluded.record_id, record_name = excluded.record_name, owner = excluded.owner, last_seen_at = excluded.last_seen_at,
                        first_seen_at = CASE WHEN exception_sighting.resolved_at IS NULL THEN exception_sighting.first_seen_at
                                             ELSE excluded.first_seen_at END, resolved_at = NULL
                    """, arguments: [sourceKey, family.rawValue, sighting.fingerprint, sighting.kind, sighting.subject, sighting.reason,
                                     sighting.record?.model, sighting.record?.id, sighting.record?.name, sighting.owner, now, now])
                guard wasOpen != true else { continue }
                var opened = sighting
                (opened.sourceKey, opened.firstSeenAt, opened.lastSeenAt) = (sourceKey, now, now)
                sweep.opened.append(opened)
                _ = try Self.appendAudit(Self.sightingEvent("operations.exception.opened", opened, actor: actor), at: date, in: db)
            }
            for stale in try Self.openSightings(db, sourceKey: sourceKey, family: family) where !seen.contains(stale.fingerprint) {
                guard covering.map({ scope in stale.recordKey.map(scope.contains) ?? false }) ?? true else { continue }
                try db.execute(sql: "UPDATE exception_sighting SET resolved_at = ? WHERE source_key = ? AND family = ? AND fingerprint = ?",
                               arguments: [now, sourceKey, family.rawValue, stale.fingerprint])
                var resolved = stale
                resolved.resolvedAt = now
                sweep.resolved.append(resolved)
                _ = try Self.appendAudit(Self.sightingEvent("operations.exception.resolved", resolved, actor: actor), at: date, in: db)
            }
            return sweep
        }
    }

    /// The sightings still open, of one company when given, oldest first.
    public func openExceptionSightings(sourceKey: SourceKey? = nil) throws -> [ExceptionSighting] {
        try writer.read { db in
            try StoreRow.fetchAll(db, sql: """
                SELECT * FROM exception_sighting WHERE resolved_at IS NULL AND (CAST(? AS TEXT) IS NULL OR source_key = ?) ORDER BY first_seen_at, fingerprint
                """, arguments: [sourceKey, sourceKey]).compactMap(Self.sighting)
        }
    }

    /// One sighting, open or resolved.
    public func exceptionSighting(sourceKey: SourceKey, family: ExceptionFamily, fingerprint: String) throws -> ExceptionSighting? {
        try writer.read { db in
            try StoreRow.fetchOne(db, sql: "SELECT * FROM exception_sighting WHERE source_key = ? AND family = ? AND fingerprint = ?",
                             arguments: [sourceKey, family.rawValue, fingerprint]).flatMap(Self.sighting)
        }
    }

    private static func openSightings(_ db: any StoreSession, sourceKey: SourceKey, family: ExceptionFamily) throws -> [ExceptionSighting] {
        try StoreRow.fetchAll(db, sql: "SELECT * FROM exception_sighting WHERE source_key = ? AND family = ? AND resolved_at IS NULL",
                         arguments: [sourceKey, family.rawValue]).compactMap(sighting)
    }

    private static func sighting(_ row: StoreRow) -> ExceptionSighting? {
        guard let family = ExceptionFamily(rawValue: row["family"]) else { return nil }
        let model: String? = row["record_model"], id: Int? = row["record_id"]
        let record = model.flatMap { model in id.map { RecordRef(model: model, id: $0, name: row["record_name"] ?? "") } }
        return ExceptionSighting(sourceKey: SourceKey(row["source_key"] as String), family: family, fingerprint: row["fingerprint"], kind: row["kind"],
                                 subject: row["subject"], reason: row["reason"], record: record, owner: row["owner"],
                                 firstSeenAt: row["first_seen_at"], lastSeenAt: row["last_seen_at"], resolvedAt: row["resolved_at"])
    }

    private static func sightingEvent(_ action: String, _ sighting: ExceptionSighting, actor: String) -> NewAuditEvent {
        NewAuditEvent(actor: actor, action: action,
                      targets: sighting.record.map { [AuditTarget(model: $0.model, id: String($0.id), name: $0.name)] } ?? [],
                      payload: AuditPayload(["source": sighting.sourceKey.text, "family": sighting.family.rawValue, "kind": sighting.kind,
                                             "fingerprint": sighting.fingerprint, "subject": sighting.subject, "reason": sighting.reason]))
    }
}
