public import CloseSettings
public import CloseStore
import Governance
public import Ledger
import OdooLedger
import Foundation

/// `closer checklist --assign`: one Odoo To-Do (mail.activity) per open task whose owner maps to an Odoo
/// user, on the company's partner record, due on the task's due date, exactly once. Like finding posts,
/// the store remembers each activity and Odoo is searched for the task's marker before creating one, so
/// a crash between Odoo's answer and the store write does not assign a task twice.
public struct ChecklistAssignService: Sendable {
    public var store: AppDatabase
    public var sourceKey: SourceKey
    public var actor: String
    let chatter: OdooChatter
    let companyID: Int

    /// Fails before anything is sent in a mode that never writes, or when the connection is not the database
    /// the ledger was pulled from.
    public init(store: AppDatabase, settings: OdooSettings, sourceKey: SourceKey, actor: String) throws {
        try settings.mode.requireWrites(for: "--assign")
        let source = try OdooGateway.source(settings, writingTo: sourceKey, what: "the checklist's company", action: "assign its tasks")
        self.store = store
        self.sourceKey = sourceKey
        self.actor = actor
        chatter = OdooChatter(client: source.client)
        companyID = try store.company(sourceKey: sourceKey).id
    }

    /// Who gets a task in Odoo: the template's `odoo_user` (an Odoo login) when set, else the Odoo user of
    /// the Closer user the task names, else of the first active Closer user (by login) holding its role.
    func assignee(of task: ChecklistTask) async throws -> (label: String, odooUserID: Int)? {
        if let login = task.odooUser {
            return try await chatter.internalUser(login: login).map { (login, $0) }
        }
        let users = try store.users().filter { $0.active && !$0.isAgent && $0.odooUserID != nil }.sorted { $0.login < $1.login }
        let owner = users.first { $0.login == task.owner } ?? CloserRole(rawValue: task.owner).flatMap { role in users.first { $0.roles.contains(role) } }
        return owner.map { ($0.login, $0.odooUserID!) }
    }

    /// The text that identifies a task's To-Do in Odoo.
    public static func marker(period: Period, key: String) -> String { "[closer:checklist:\(period):\(key)]" }

    /// Assigns every open or overdue task; blocked and done tasks are left alone. One failure does not stop the others.
    public func assign(_ board: ChecklistBoard) async throws -> ChecklistAssignReport {
        var report = ChecklistAssignReport()
        guard let run = try store.checklistRun(sourceKey: sourceKey, period: board.period) else {
            throw ChecklistError.noChecklist(source: sourceKey, period: board.period)
        }
        var thread: OdooChatter.Thread?
        for row in board.rows where [.open, .overdue].contains(row.status) {
            try Task.checkCancellation()
            let task = run.task(row.task.key) ?? row.task
            if let activity = task.activityID {
                report.alreadyAssigned.append(.init(task: task.key, detail: "mail.activity \(activity)"))
                continue
            }
            do {
                guard let (login, user) = try await assignee(of: task) else {
                    report.skipped.append(.init(task: task.key, detail: "owner \(task.owner) maps to no Odoo user (set odoo_user in the template, "
                                                + "or give a Closer user holding it an Odoo user: `closer users add … --odoo-user ID`)"))
                    continue
                }
                if thread == nil { thread = try await chatter.companyThread(companyID: companyID) }
                guard let thread else { throw CompanyWithoutChatterError(companyID: companyID) }
                let marker = Self.marker(period: board.period, key: task.key)
                let found = try await chatter.activity(containing: marker, on: thread)
                let activity: Int
                if let found { activity = found } else {
                    // The intent is on the audit trail before anything is written to Odoo.
                    try store.recordAudit(NewAuditEvent(actor: actor, action: "checklist.task.assign.started",
                        targets: [AuditTarget(model: "closer.checklist_task", id: String(task.id), name: task.key)],
                        payload: ["source": sourceKey.text, "period": board.period.description, "task": task.key, "odoo_user": login]))
                    activity = try await chatter.scheduleToDo(on: thread, summary: "Close \(board.period): \(task.title)",
                                                              note: "\(task.completion.explanation.capitalizedFirst). \(marker)",
                                                              deadline: task.dueDate, assignee: user)
                }
                try store.recordTaskActivity(activity, task: task, run: run, foundInOdoo: found != nil, actor: actor)
                let outcome = ChecklistAssignReport.Outcome(task: task.key, detail: "mail.activity \(activity) for \(login)")
                if found != nil { report.alreadyAssigned.append(outcome) } else { report.assigned.append(outcome) }
            } catch {
                _ = try? store.recordAudit(NewAuditEvent(actor: actor, action: "checklist.task.assign.failed",
                    targets: [AuditTarget(model: "closer.checklist_task", id: String(task.id), name: task.key)],
                    payload: ["source": sourceKey.text, "task": task.key, "error": String(describing: error)], outcome: "failed"))
                report.failed.append(.init(task: task.key, detail: String(describing: error)))
            }
        }
        return report
    }
}

/// What `--assign` did, task by task.
public struct ChecklistAssignReport: Sendable, Codable {
    public struct Outcome: Sendable, Codable {
        public var task: String
        public var detail: String
    }

    public var assigned: [Outcome] = []
    public var alreadyAssigned: [Outcome] = []
    public var skipped: [Outcome] = []
    public var failed: [Outcome] = []
}

/// The company's partner record has no chatter to hold the to-dos.
struct CompanyWithoutChatterError: Error, CustomStringConvertible {
    var companyID: Int

    var description: String { "Odoo gives company \(companyID)'s partner no chatter, so its close tasks cannot be assigned as activities." }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
