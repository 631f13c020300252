public import CloseChecks
import Foundation
public import Ledger

/// What the webhook event feed reads to describe what happened: the store as it stands now, so an event
/// about something already decided (a proposal approved meanwhile) is not sent.
extension AppDatabase {
    /// The findings of a check run that the previous check of the same company and period did not have.
    public func newFindings(checkRunID: Int64) throws -> [Finding] {
        try writer.read { db in
            guard let run = try StoreRow.fetchOne(db, sql: "SELECT company_id, period FROM check_run WHERE run_id = ?", arguments: [checkRunID]) else {
                return []
            }
            let company: Int64 = run["company_id"], period: String = run["period"]
            let previous = try Int64.fetchOne(db, sql: "SELECT MAX(run_id) FROM check_run WHERE company_id = ? AND period = ? AND run_id < ?",
                                              arguments: [company, period, checkRunID])
            let decoder = JSONDecoder()
            return try String.fetchAll(db, sql: """
                SELECT finding FROM finding WHERE run_id = ?
                AND fingerprint NOT IN (SELECT fingerprint FROM finding WHERE run_id = ?) ORDER BY id
                """, arguments: [checkRunID, previous ?? -1]).map { try decoder.decode(Finding.self, from: Data($0.utf8)) }
        }
    }

    /// An adjusting-entry proposal still waiting for review, with its company's source key; nil once decided.
    public func adjustmentAwaitingReview(id: Int64) throws -> (sourceKey: SourceKey, adjustment: StoredAdjustment)? {
        try writer.read { db in
            guard let row = try StoreRow.fetchOne(db, sql: """
                SELECT p.*, c.source_key FROM adjustment_proposal p JOIN company c ON c.id = p.company_id WHERE p.id = ? AND p.status = 'proposed'
                """, arguments: [id]) else { return nil }
            return (row["source_key"], try Self.storedAdjustment(row))
        }
    }

    /// The bank-match proposals of a reconcile run still waiting for review.
    public func matchProposalsAwaitingReview(runID: Int64) throws -> [StoredMatchProposal] {
        try writer.read { db in
            try StoreRow.fetchAll(db, sql: "SELECT * FROM match_proposal WHERE run_id = ? AND status = 'proposed' ORDER BY id", arguments: [runID])
                .map(Self.storedMatchProposal)
        }
    }

    /// Checklist tasks of every company and period that are not done and whose due date has passed on `asOf`.
    public func overdueChecklistTasks(asOf: LocalDate) throws -> [(sourceKey: SourceKey, period: Period, task: ChecklistTask)] {
        try writer.read { db in
            let runs = try StoreRow.fetchAll(db, sql: """
                SELECT DISTINCT r.company_id, c.source_key, r.period FROM checklist_run r JOIN company c ON c.id = r.company_id
                JOIN checklist_task t ON t.run_id = r.id WHERE t.status = 'open' AND t.due_date < ? ORDER BY c.source_key, r.period
                """, arguments: [asOf.description])
            return try runs.flatMap { row -> [(sourceKey: SourceKey, period: Period, task: ChecklistTask)] in
                let sourceKey: SourceKey = row["source_key"], periodText: String = row["period"]
                let period = try Period(parsing: periodText)
                let run = try Self.checklistRun(company: row["company_id"], sourceKey: sourceKey, period: period, db)
                return (run?.tasks ?? []).filter { !$0.isDone && $0.dueDate < asOf }.map { (sourceKey, period, $0) }
            }
        }
    }
}
