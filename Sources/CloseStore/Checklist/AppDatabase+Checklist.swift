import CloseChecks
public import Ledger
public import Foundation

/// A change of a checklist task's status, recorded with its audit event.
public enum ChecklistChange: Sendable, Hashable {
    /// An automatic task's rule holds.
    case completed(ChecklistTask, TaskEvidence)
    /// An automatic task's rule no longer holds and nothing after it is done yet.
    case reopened(ChecklistTask, TaskEvidence)
    /// A person signed off a manual task.
    case signedOff(ChecklistTask, comment: String)
    /// The signer or a controller took a sign-off back, with the reason.
    case signOffReopened(ChecklistTask, reason: String)
}

extension AppDatabase {
    /// The company's checklist for the period, if one was instantiated.
    public func checklistRun(sourceKey: SourceKey, period: Period) throws -> ChecklistRun? {
        try writer.read { db in try Self.checklistRun(company: Self.companyRowID(sourceKey, db), sourceKey: sourceKey, period: period, db) }
    }

    /// The latest period the company has a checklist for.
    public func latestChecklistPeriod(sourceKey: SourceKey) throws -> Period? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT MAX(period) FROM checklist_run WHERE company_id = ?", arguments: [Self.companyRowID(sourceKey, db)])
                .flatMap { try? Period(parsing: $0) }
        }
    }

    /// Instantiates a checklist from a template's tasks (dependencies first), once: when the company already has one
    /// for the period, that one is returned unchanged.
    public func createChecklistRun(sourceKey: SourceKey, period: Period, templateOrigin: String, templateSHA256: String,
                                   tasks: [ChecklistTaskDefinition], actor: String, at date: Date = Date()) throws -> ChecklistRun {
        try writer.write { db in
            let company = try Self.companyRowID(sourceKey, db)
            if let existing = try Self.checklistRun(company: company, sourceKey: sourceKey, period: period, db) { return existing }
            try db.execute(sql: """
                INSERT INTO checklist_run (company_id, period, template_origin, template_sha256, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [company, period.description, templateOrigin, templateSHA256, Self.utcText(date), actor])
            let runID = try db.lastInsertedRowID()
            let insert = try db.prepare(sql: """
                INSERT INTO checklist_task (run_id, position, task_key, title, owner, odoo_user, depends_on, due_offset, due_date, completion, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')
                """)
            for (position, task) in tasks.enumerated() {
                try insert.execute(arguments: [runID, position, task.key, task.title, task.owner, task.odooUser, task.dependsOn.joined(separator: ","),
                                               task.due, LocalDate.closeDay(task.due, after: period.end).description, task.completion.description])
            }
            _ = try Self.appendAudit(NewAuditEvent(
                actor: actor, action: "checklist.instantiated", targets: [AuditTarget(model: "closer.checklist_run", id: String(runID))],
                payload: AuditPayload(["source": sourceKey.text, "period": period.description, "template": templateOrigin,
                                       "template_sha256": templateSHA256, "tasks": String(tasks.count)])), at: date, in: db)
            return try Self.checklistRun(company: company, sourceKey: sourceKey, period: period, db)!
        }
    }

    /// Records status changes, each with its audit event, in one transaction; returns the checklist as it now stands.
    public func recordChecklistChanges(_ changes: [ChecklistChange], run: ChecklistRun, actor: String, at date: Date = Date()) throws -> ChecklistRun {
        try writer.write { db in
            let now = Self.utcText(date)
            for change in changes {
                let (task, action, payload): (ChecklistTask, String, [String: String])
                switch change {
                case .completed(let done, let evidence):
                    try db.execute(sql: "UPDATE checklist_task SET status = 'done', completed_at = ?, completed_by = ?, evidence = ? WHERE id = ?",
                                   arguments: [now, actor, try Self.canonicalJSON(evidence), done.id])
                    (task, action, payload) = (done, "checklist.task.completed", ["evidence": evidence.summary])
                case .reopened(let open, let evidence):
                    try db.execute(sql: "UPDATE checklist_task SET status = 'open', completed_at = NULL, completed_by = NULL, evidence = ? WHERE id = ?",
                                   arguments: [try Self.canonicalJSON(evidence), open.id])
                    (task, action, payload) = (open, "checklist.task.reopened",
                                               ["evidence": evidence.summary, "previously_completed_at": open.completedAt ?? ""])
                case .signedOff(let done, let comment):
                    try db.execute(sql: "UPDATE checklist_task SET status = 'done', completed_at = ?, completed_by = ?, comment = ? WHERE id = ?",
                                   arguments: [now, actor, comment, done.id])
                    (task, action, payload) = (done, "checklist.task.signed-off", ["comment": comment])
                case .signOffReopened(let signed, let reason):
                    try db.execute(sql: "UPDATE checklist_task SET status = 'open', completed_at = NULL, completed_by = NULL, comment = NULL WHERE id = ?",
                                   arguments: [signed.id])
                    (task, action, payload) = (signed, "checklist.task.sign-off.reopened",
                                               ["reason": reason, "signed_by": signed.completedBy ?? "", "signed_at": signed.completedAt ?? "",
                                                "comment": signed.comment ?? ""])
                }
                _ = try Self.appendAudit(NewAuditEvent(
                    actor: actor, action: action, targets: [AuditTarget(model: "closer.checklist_task", id: String(task.id), name: task.key)],
                    payload: AuditPayload(payload.merging(["source": run.sourceKey.text, "period": run.period.description, "task": task.key,
                                                           "completion": task.completion.description]) { $1 })), at: date, in: db)
            }
            return try Self.checklistRun(company: Self.companyRowID(run.sourceKey, db), sourceKey: run.sourceKey, period: run.period, db)!
        }
    }

    /// Remembers the Odoo To-Do a task was assigned as, audited.
    public func recordTaskActivity(_ activityID: Int, task: ChecklistTask, run: ChecklistRun, foundInOdoo: Bool, actor: String) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE checklist_task SET activity_id = ? WHERE id = ?", arguments: [activityID, task.id])
            _ = try Self.appendAudit(NewAuditEvent(
                actor: actor, action: "checklist.task.assigned", targets: [AuditTarget(model: "mail.activity", id: String(activityID), name: task.key)],
                payload: AuditPayload(["source": run.sourceKey.text, "period": run.period.description, "task": task.key, "odoo_user": task.odooUser ?? ""]),
                outcome: foundInOdoo ? "found-in-odoo" : "ok"), at: Date(), in: db)
        }
    }

    /// What the automatic tasks of the company's period are judged on, on `asOf` (a finding waived that day does not count).
    public func checklistFacts(sourceKey: SourceKey, period: Period, asOf: LocalDate) throws -> ChecklistFacts {
        try writer.read { db in
            let company = try Self.companyRowID(sourceKey, db)
            let key = period.description
            var facts = ChecklistFacts(period: period)
            if let window = try StoreRow.fetchOne(db, sql: "SELECT window_first, window_last FROM company WHERE id = ?", arguments: [company]),
               let first = (window["window_first"] as String?).flatMap({ LocalDate(iso: $0) }),
               let last = (window["window_last"] as String?).flatMap({ LocalDate(iso: $0) }) {
                facts.ledgerCoversPeriod = first <= period.start && last >= period.end
            }
            facts.checkRunID = try Self.latestCheckRun(company: company, period: period, db)
            for listed in try Self.listedFindings(company: company, period: period, db) ?? [] where !listed.isWaived(on: asOf) {
                facts.findings[listed.finding.checkID, default: [:]][listed.finding.severity, default: 0] += 1
            }
            // Runs carry no company: a propose or reconcile run of the period counts for every company in the store.
            let ran = Set(try String.fetchAll(db, sql: "SELECT DISTINCT kind FROM run WHERE period = ? AND status = 'succeeded'", arguments: [key]))
            facts.proposeRan = ran.contains("propose")
            facts.reconcileRan = ran.contains("reconcile")
            for row in try StoreRow.fetchAll(db, sql: """
                SELECT kind, status, COUNT(*) AS n FROM adjustment_proposal WHERE company_id = ? AND period = ? GROUP BY kind, status
                """, arguments: [company, key]) {
                if let status = AdjustmentStatus(rawValue: row["status"]) { facts.adjustments[row["kind"], default: [:]][status] = row["n"] }
            }
            facts.lockVerified = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM lock_request WHERE company_id = ? AND period = ? AND status = 'verified')",
                                                   arguments: [company, key]) ?? false
            for row in try StoreRow.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM match_proposal WHERE company_id = ? AND period = ? GROUP BY status",
                                        arguments: [company, key]) {
                if let status = MatchProposalStatus(rawValue: row["status"]) { facts.bankMatches[status] = row["n"] }
            }
            return facts
        }
    }

    static func checklistRun(company: Int64, sourceKey: SourceKey, period: Period, _ db: any StoreSession) throws -> ChecklistRun? {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM checklist_run WHERE company_id = ? AND period = ?",
                                         arguments: [company, period.description]) else { return nil }
        let runID: Int64 = row["id"]
        let tasks = try StoreRow.fetchAll(db, sql: "SELECT * FROM checklist_task WHERE run_id = ? ORDER BY position", arguments: [runID]).map { task in
            let dependsOn: String = task["depends_on"]
            let completion: String = task["completion"]
            let due: String = task["due_date"]
            let status: String = task["status"]
            return ChecklistTask(
                id: task["id"], key: task["task_key"], title: task["title"], owner: task["owner"], odooUser: task["odoo_user"],
                dependsOn: dependsOn.split(separator: ",").map(String.init), due: task["due_offset"], dueDate: LocalDate(iso: due)!,
                completion: TaskCompletion(codingText: completion) ?? .manual, isDone: ChecklistTask.StoredStatus(rawValue: status) == .done,
                completedAt: task["completed_at"], completedBy: task["completed_by"], comment: task["comment"],
                evidence: (task["evidence"] as String?).flatMap { try? JSONDecoder().decode(TaskEvidence.self, from: Data($0.utf8)) },
                activityID: task["activity_id"])
        }
        return ChecklistRun(id: runID, sourceKey: sourceKey, period: period, templateOrigin: row["template_origin"],
                            templateSHA256: row["template_sha256"], createdAt: row["created_at"], createdBy: row["created_by"], tasks: tasks)
    }
}
