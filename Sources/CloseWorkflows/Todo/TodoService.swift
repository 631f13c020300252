public import CloseStore
public import Governance
public import Ledger
import CloseChecks

/// `closer todo` and the dashboard's "My work": what is left for one person in a period, by their login and roles.
/// Approvals the policy would let them give (never their own proposals), checklist tasks they own that are due by the
/// close calendar (each task's working-day due date after period end, judged on `asOf`), and findings they may act
/// on: those on entries they created where the ledger says who did, else the period's at warning or worse.
/// Read-only: nothing is instantiated, completed or recorded.
public struct TodoService: Sendable {
    public var store: AppDatabase

    public init(store: AppDatabase) {
        self.store = store
    }

    public func todo(for login: String, sourceKey: SourceKey, period requested: Period?, asOf: LocalDate, policy: ApprovalPolicy) throws -> TodoList {
        let user = try store.user(login: login)
        guard let period = try requested ?? store.latestChecklistPeriod(sourceKey: sourceKey) ?? store.latestCheckedPeriod(sourceKey: sourceKey) else {
            throw FindingsError.neverChecked(sourceKey)
        }
        let approvals = try store.waitingReviews(sourceKey: sourceKey, period: period).filter { review in
            if case .approval = ApprovalDecision.decide(review.request, approve: true, by: user, approvalsSoFar: review.approvals, policy: policy) {
                return true
            }
            return false
        }
        let board = try ChecklistService.storedBoard(in: store, sourceKey: sourceKey, period: period, asOf: asOf)
        let tasks = (board?.rows ?? []).filter { row in
            [.open, .overdue].contains(row.status) && row.task.dueDate <= asOf
                && (row.task.owner == user.login || CloserRole(rawValue: row.task.owner).map(user.roles.contains) == true)
        }
        return TodoList(login: user.login, roles: user.roles.sorted(), source: sourceKey, period: period, asOf: asOf, approvals: approvals,
                        tasks: tasks, findings: try findings(for: user, sourceKey: sourceKey, period: period, asOf: asOf))
    }

    /// With an Odoo user on record, the findings on entries they created (any severity) and those whose entry's creator
    /// the ledger does not know, at warning or worse; without one the store cannot tell whose a finding is, so every
    /// finding of the period at warning or worse. Only for roles that act on findings; those set aside are left out.
    func findings(for user: CloserUser, sourceKey: SourceKey, period: Period, asOf: LocalDate) throws -> [TodoList.FindingItem] {
        guard UndoPolicy.findingRefusal(waive: false, fingerprint: "", by: user) == nil else { return [] }
        let open = try (store.listedFindings(sourceKey: sourceKey, period: period) ?? []).filter { !$0.isSetAside(on: asOf) }
        let creators = try store.entryCreators(sourceKey: sourceKey, records: open.flatMap(\.finding.records))
        return open.compactMap { listed in
            let known = Set(listed.finding.records.compactMap { creators[$0] })
            if let mine = user.odooUserID, known.contains(mine) { return TodoList.FindingItem(listed: listed, yours: true) }
            let nobodysKnown = user.odooUserID == nil || known.isEmpty
            return nobodysKnown && listed.finding.severity <= .warning ? TodoList.FindingItem(listed: listed, yours: false) : nil
        }
    }
}
