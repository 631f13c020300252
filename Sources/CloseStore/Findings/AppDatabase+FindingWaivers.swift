import CloseChecks
import Foundation
import Governance
public import Ledger

extension AppDatabase {
    /// The latest check's findings of a period with their waivers, in the order the checks reported them; nil when
    /// the period was never checked. Read from the store: nothing is checked again.
    public func listedFindings(sourceKey: SourceKey, period: Period) throws -> [ListedFinding]? {
        try writer.read { db in try Self.listedFindings(company: Self.companyRowID(sourceKey, db), period: period, db) }
    }

    static func listedFindings(company: Int64, period: Period, _ db: any StoreSession) throws -> [ListedFinding]? {
        guard let run = try latestCheckRun(company: company, period: period, db) else { return nil }
        let decoder = JSONDecoder()
        return try StoreRow.fetchAll(db, sql: """
            SELECT f.finding, w.kind, w.finding AS waived_finding, w.reason, w.until, w.decided_by, w.decided_at
            FROM finding f LEFT JOIN finding_waiver w ON w.company_id = f.company_id AND w.fingerprint = f.fingerprint
            WHERE f.run_id = ? ORDER BY f.id
            """, arguments: [run]).map { row in
            let text: String = row["finding"]
            let finding = try decoder.decode(Finding.self, from: Data(text.utf8))
            let waiver = try (row["kind"] as String?).flatMap(FindingWaiverKind.init).map { kind in
                FindingWaiver(fingerprint: finding.fingerprint, kind: kind, reason: row["reason"], until: (row["until"] as String?).flatMap(LocalDate.init(iso:)),
                              decidedBy: row["decided_by"], decidedAt: row["decided_at"],
                              findingChanged: try Self.differs(finding, from: row["waived_finding"], decoder: decoder))
            }
            return ListedFinding(finding: finding, waiver: waiver)
        }
    }

    /// Whether a finding is another than the one set aside: its amount, message or records moved. Its place on the
    /// reading list (`ranking`) is left out: that moves with every other finding and says nothing about this one.
    static func differs(_ finding: Finding, from waived: String?, decoder: JSONDecoder) throws -> Bool {
        guard let waived else { return true }
        var before = try decoder.decode(Finding.self, from: Data(waived.utf8)), now = finding
        before.ranking = nil
        now.ranking = nil
        return before != now
    }

    /// Acknowledges or waives a finding of the period's latest check as `actor`, replacing an earlier waiver of
    /// it; the finding as it stands now is kept, so a finding that changes stops being waived. Audited.
    public func setFindingAside(fingerprint: String, kind: FindingWaiverKind, reason: String, until: LocalDate?, sourceKey: SourceKey,
                                period: Period, actor: String) throws -> ListedFinding {
        try writer.write { db in
            let company = try Self.companyRowID(sourceKey, db)
            let (_, user) = try Self.userRow(login: actor, db)
            if let refusal = UndoPolicy.findingRefusal(waive: kind == .waived, fingerprint: fingerprint, by: user) { throw refusal }
            guard let run = try Self.latestCheckRun(company: company, period: period, db) else { throw FindingsError.notChecked(period) }
            guard let text = try String.fetchOne(db, sql: "SELECT finding FROM finding WHERE run_id = ? AND fingerprint = ?",
                                                 arguments: [run, fingerprint]) else {
                throw FindingsError.unknownFinding(fingerprint, period: period)
            }
            let now = Self.utcText(Date())
            try db.execute(sql: """
                INSERT INTO finding_waiver (company_id, fingerprint, kind, finding, reason, until, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (company_id, fingerprint) DO UPDATE SET kind = excluded.kind, finding = excluded.finding, reason = excluded.reason,
                    until = excluded.until, decided_by = excluded.decided_by, decided_at = excluded.decided_at
                """, arguments: [company, fingerprint, kind.rawValue, text, reason, until?.description, actor, now])
            let finding = try JSONDecoder().decode(Finding.self, from: Data(text.utf8))
            _ = try Self.appendAudit(NewAuditEvent(
                actor: actor, action: "finding.\(kind.rawValue)", targets: finding.records.map { AuditTarget(model: $0.model, id: String($0.id)) },
                payload: AuditPayload(["source": sourceKey.text, "period": period.description, "fingerprint": fingerprint, "check": finding.checkID,
                                       "severity": finding.severity.rawValue, "reason": reason, "until": until?.description ?? ""])),
                at: Date(), in: db)
            return ListedFinding(finding: finding, waiver: FindingWaiver(fingerprint: fingerprint, kind: kind, reason: reason, until: until,
                                                                         decidedBy: actor, decidedAt: now, findingChanged: false))
        }
    }
}
