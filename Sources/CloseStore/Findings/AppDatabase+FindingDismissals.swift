public import CloseChecks
import Foundation
import Governance
public import Ledger

extension AppDatabase {
    /// Dismisses a finding of the period's latest check as `actor` (a preparer, or a controller for the whole check):
    /// the next checks hide what `scope` covers while it holds. Audited as `finding.dismissed`.
    public func dismissFinding(fingerprint: String, scope: DismissalScope, reason: String, until: LocalDate?, sourceKey: SourceKey,
                               period: Period, actor: String) throws -> Dismissal {
        try writer.write { db in
            let company = try Self.companyRowID(sourceKey, db)
            let (_, user) = try Self.userRow(login: actor, db)
            if let refusal = UndoPolicy.dismissalRefusal(wholeCheck: scope == .kind, fingerprint: fingerprint, by: user) { throw refusal }
            guard let run = try Self.latestCheckRun(company: company, period: period, db) else { throw FindingsError.notChecked(period) }
            guard let text = try String.fetchOne(db, sql: "SELECT finding FROM finding WHERE run_id = ? AND fingerprint = ?",
                                                 arguments: [run, fingerprint]) else {
                throw FindingsError.unknownFinding(fingerprint, period: period)
            }
            let finding = try JSONDecoder().decode(Finding.self, from: Data(text.utf8))
            let now = Self.utcText(Date())
            var dismissal = Dismissal(checkID: finding.checkID, scope: scope, reason: reason, until: until, decidedBy: actor, decidedAt: now)
            let (scopeID, scopeName, records) = try Self.columns(scope)
            try db.execute(sql: """
                INSERT INTO finding_dismissal (company_id, check_id, fingerprint, period, scope, scope_id, scope_name, records, reason, until,
                    decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [company, finding.checkID, fingerprint, period.description, scope.choice.rawValue, scopeID, scopeName, records,
                                 reason, until?.description, actor, now])
            dismissal.id = try db.lastInsertedRowID()
            _ = try Self.appendAudit(NewAuditEvent(
                actor: actor, action: "finding.dismissed", targets: finding.records.map { AuditTarget(model: $0.model, id: String($0.id)) },
                payload: AuditPayload(["source": sourceKey.text, "period": period.description, "fingerprint": fingerprint, "check": finding.checkID,
                                       "dismissal": String(dismissal.id), "scope": scope.choice.rawValue, "scopeName": scope.description,
                                       "reason": reason, "until": until?.description ?? ""])),
                at: Date(), in: db)
            return dismissal
        }
    }

    /// The company's dismissals, newest first; withdrawn ones only when asked.
    public func findingDismissals(sourceKey: SourceKey, includingWithdrawn: Bool = false) throws -> [Dismissal] {
        try writer.read { db in
            let company = try Self.companyRowID(sourceKey, db)
            return try StoreRow.fetchAll(db, sql: """
                SELECT * FROM finding_dismissal WHERE company_id = ? \(includingWithdrawn ? "" : "AND withdrawn_at IS NULL") ORDER BY id DESC
                """, arguments: [company]).map(Self.dismissal)
        }
    }

    /// Withdraws a dismissal as `actor` (whoever made it, or a controller): the next check shows what it hid.
    /// Audited as `finding.dismissal-withdrawn`.
    public func withdrawDismissal(id: Int64, sourceKey: SourceKey, actor: String) throws -> Dismissal {
        try writer.write { db in
            let company = try Self.companyRowID(sourceKey, db)
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM finding_dismissal WHERE id = ? AND company_id = ?", arguments: [id, company]) else {
                throw DismissalError.unknownDismissal(id)
            }
            var dismissal = try Self.dismissal(row)
            guard dismissal.withdrawnAt == nil else { throw DismissalError.alreadyWithdrawn(id) }
            let (_, user) = try Self.userRow(login: actor, db)
            if let refusal = UndoPolicy.undoRefusal("dismissal #\(id)", madeBy: [dismissal.decidedBy], by: user) { throw refusal }
            let now = Self.utcText(Date())
            try db.execute(sql: "UPDATE finding_dismissal SET withdrawn_by = ?, withdrawn_at = ? WHERE id = ?", arguments: [actor, now, id])
            dismissal.withdrawnBy = actor
            dismissal.withdrawnAt = now
            _ = try Self.appendAudit(NewAuditEvent(
                actor: actor, action: "finding.dismissal-withdrawn", targets: [AuditTarget(model: "closer.dismissal", id: String(id))],
                payload: AuditPayload(["source": sourceKey.text, "dismissal": String(id), "check": dismissal.checkID, "scope": dismissal.scope.choice.rawValue,
                                       "scopeName": dismissal.scope.description, "reason": dismissal.reason, "until": dismissal.until?.description ?? "",
                                       "dismissedBy": dismissal.decidedBy])),
                at: Date(), in: db)
            return dismissal
        }
    }

    /// What the company decided about each check's findings before: dismissals standing, and real problems —
    /// findings acknowledged (someone is fixing them) and findings whose records an approved or applied adjustment names.
    public func findingDecisions(sourceKey: SourceKey) throws -> [String: CheckDecisions] {
        try writer.read { db in
            let company = try Self.companyRowID(sourceKey, db)
            var decisions: [String: CheckDecisions] = [:]
            for row in try StoreRow.fetchAll(db, sql: """
                SELECT check_id, COUNT(*) AS n FROM finding_dismissal WHERE company_id = ? AND withdrawn_at IS NULL GROUP BY check_id
                """, arguments: [company]) {
                decisions[row["check_id"], default: CheckDecisions()].dismissed += row["n"] as Int
            }
            // A fingerprint is the check id, a bar, and the records.
            for row in try StoreRow.fetchAll(db, sql: """
                SELECT \(db.dialect.prefix(of: "fingerprint", before: "|")) AS check_id, COUNT(*) AS n FROM finding_waiver
                WHERE company_id = ? AND kind = 'acknowledged' GROUP BY 1
                UNION ALL
                \(Self.confirmedByApprovedProposals(db.dialect))
                """, arguments: [company, company]) {
                decisions[row["check_id"], default: CheckDecisions()].confirmed += row["n"] as Int
            }
            return decisions
        }
    }

    /// Findings an approved or applied proposal of the same period cites among its evidence, counted by check: a record
    /// the finding names (model and id) is one the proposal's evidence names.
    private static func confirmedByApprovedProposals(_ dialect: StoreDialect) -> String {
        """
        SELECT f.check_id, COUNT(DISTINCT p.id) AS n
        FROM adjustment_proposal p, \(dialect.jsonArray("p.proposal", key: "evidence")) e,
             finding f, \(dialect.jsonArray("f.finding", key: "records")) r
        WHERE p.company_id = ? AND p.status IN ('approved', 'applied') AND f.company_id = p.company_id AND f.period = p.period
            AND f.run_id = (SELECT MAX(run_id) FROM check_run c WHERE c.company_id = p.company_id AND c.period = p.period)
            AND \(dialect.jsonField("r", key: "model")) = \(dialect.jsonField("e", key: "model"))
            AND \(dialect.jsonField("r", key: "id")) = \(dialect.jsonField("e", key: "id"))
        GROUP BY f.check_id
        """
    }

    /// The scope's columns: the partner's or account's id and name, or the records as JSON.
    static func columns(_ scope: DismissalScope) throws -> (Int?, String?, String?) {
        switch scope {
        case .records(let records): (nil, nil, String(decoding: try JSONEncoder().encode(records), as: UTF8.self))
        case .partner(let id, let name), .account(let id, let name): (id, name, nil)
        case .kind: (nil, nil, nil)
        }
    }

    static func dismissal(_ row: StoreRow) throws -> Dismissal {
        let scope: DismissalScope
        switch DismissalScope.Choice(rawValue: row["scope"]) {
        case .record: scope = .records(try JSONDecoder().decode([DismissedRecord].self, from: Data((row["records"] as String).utf8)))
        case .partner: scope = .partner(id: row["scope_id"], name: row["scope_name"])
        case .account: scope = .account(id: row["scope_id"], name: row["scope_name"])
        case .kind, nil: scope = .kind
        }
        return Dismissal(id: row["id"], checkID: row["check_id"], scope: scope, reason: row["reason"],
                         until: (row["until"] as String?).flatMap(LocalDate.init(iso:)), decidedBy: row["decided_by"], decidedAt: row["decided_at"],
                         withdrawnBy: row["withdrawn_by"], withdrawnAt: row["withdrawn_at"])
    }
}
