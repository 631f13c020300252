public import CloseChecks
import Foundation
public import Ledger

/// How this run's findings compare with the previous check run of the same company and period.
public struct FindingsComparison: Sendable, Codable {
    public var new: [Finding]
    public var stillOpen: [Finding]
    public var resolved: [Finding]
    public var previousRunID: Int64?
}

extension AppDatabase {
    /// Stores a check run's findings and compares them with the previous run's, by fingerprint
    /// (check id and records), so a finding keeps its identity while its message evolves.
    public func saveFindings(_ findings: [Finding], runID: Int64, sourceKey: SourceKey, period: Period, actor: String) throws -> FindingsComparison {
        try writer.write { db in
            guard let companyID = try Int64.fetchOne(db, sql: "SELECT id FROM company WHERE source_key = ?", arguments: [sourceKey]) else {
                throw StoreError.unknownCompany(sourceKey)
            }
            let previousRunID = try Int64.fetchOne(db, sql: "SELECT MAX(run_id) FROM check_run WHERE company_id = ? AND period = ? AND run_id < ?",
                                                   arguments: [companyID, period.description, runID])
            try db.execute(sql: "INSERT INTO check_run (run_id, company_id, period) VALUES (?, ?, ?)",
                           arguments: [runID, companyID, period.description])
            var previous: [String: Finding] = [:]
            if let previousRunID {
                let decoder = JSONDecoder()
                for row in try StoreRow.fetchAll(db, sql: "SELECT fingerprint, finding FROM finding WHERE run_id = ?", arguments: [previousRunID]) {
                    let text: String = row["finding"]
                    if let finding = try? decoder.decode(Finding.self, from: Data(text.utf8)) { previous[row["fingerprint"]] = finding }
                }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let insert = try db.prepare(sql: """
                INSERT OR IGNORE INTO finding (run_id, company_id, period, check_id, severity, fingerprint, message, finding)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var new: [Finding] = [], stillOpen: [Finding] = [], seen = Set<String>()
            for finding in findings {
                let fingerprint = finding.fingerprint
                seen.insert(fingerprint)
                if previous[fingerprint] == nil { new.append(finding) } else { stillOpen.append(finding) }
                try insert.execute(arguments: [runID, companyID, period.description, finding.checkID, finding.severity.rawValue, fingerprint,
                                               finding.message, String(decoding: try encoder.encode(finding), as: UTF8.self)])
            }
            let resolved = previous.filter { !seen.contains($0.key) }.map(\.value).sorted { $0.checkID < $1.checkID }
            _ = try Self.appendAudit(NewAuditEvent(
                actor: actor, action: "checks.recorded", targets: [AuditTarget(model: "closer.run", id: String(runID))],
                payload: AuditPayload(["source": sourceKey.text, "period": period.description, "findings": String(findings.count),
                                       "new": String(new.count), "resolved": String(resolved.count)])), at: Date(), in: db)
            return FindingsComparison(new: new, stillOpen: stillOpen, resolved: resolved, previousRunID: previousRunID)
        }
    }
}

extension AppDatabase {
    /// The findings of the latest check run of a period, if the period was checked.
    public func latestFindings(sourceKey: SourceKey, period: Period) throws -> [Finding]? {
        try listedFindings(sourceKey: sourceKey, period: period)?.map(\.finding)
    }
}

extension AppDatabase {
    /// The latest check run of a company's period, if it was checked.
    static func latestCheckRun(company: Int64, period: Period, _ db: any StoreSession) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT MAX(run_id) FROM check_run WHERE company_id = ? AND period = ?", arguments: [company, period.description])
    }
}

extension Finding {
    /// Identity across runs: the check and the records it names.
    public var fingerprint: String {
        checkID + "|" + records.map { "\($0.model)#\($0.id)" }.sorted().joined(separator: ",")
    }
}

extension AppDatabase {
    /// A page of the latest check run's findings of a period — with no period, of the latest period
    /// checked — in the order the checks reported them; nil when that period was never checked. One
    /// read transaction, so the run, the count and the page agree.
    public func latestFindingsPage(sourceKey: SourceKey, period requested: Period?, filter: FindingsFilter) throws -> FindingsPage? {
        try writer.read { db in
            let company = try Self.companyRowID(sourceKey, db)
            guard let period = try requested ?? Self.latestCheckedPeriod(company: company, db),
                  let run = try Int64.fetchOne(db, sql: "SELECT MAX(run_id) FROM check_run WHERE company_id = ? AND period = ?",
                                               arguments: [company, period.description]) else { return nil }
            var conditions = ["run_id = ?"]
            var arguments: StoreArguments = [run]
            if let severity = filter.severity {
                conditions.append("severity = ?")
                arguments += [severity.rawValue]
            }
            if let checkID = filter.checkID {
                conditions.append("check_id = ?")
                arguments += [checkID]
            }
            let condition = conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM finding WHERE \(condition)", arguments: arguments) ?? 0
            let page = try String.fetchAll(db, sql: "SELECT finding FROM finding WHERE \(condition) ORDER BY id LIMIT ? OFFSET ?",
                                           arguments: arguments + [filter.limit, filter.offset])
            return FindingsPage(period: period, runID: run, total: total, findingsJSON: page)
        }
    }

    /// The latest period a check ran on for a company, the one a findings list shows by default.
    public func latestCheckedPeriod(sourceKey: SourceKey) throws -> Period? {
        try writer.read { db in try Self.latestCheckedPeriod(company: try Self.companyRowID(sourceKey, db), db) }
    }

    static func latestCheckedPeriod(company: Int64, _ db: any StoreSession) throws -> Period? {
        try String.fetchOne(db, sql: "SELECT period FROM check_run WHERE company_id = ? ORDER BY run_id DESC LIMIT 1",
                            arguments: [company]).flatMap { try? Period(parsing: $0) }
    }
}
