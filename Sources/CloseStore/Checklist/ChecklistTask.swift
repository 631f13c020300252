public import Ledger

/// A task as a checklist template defines it, before it belongs to a company and period.
public struct ChecklistTaskDefinition: Sendable, Hashable {
    public var key: String
    public var title: String
    /// A role (viewer, preparer, approver, controller, admin) or a user login.
    public var owner: String
    /// The Odoo login that receives the task's To-Do with `--assign`.
    public var odooUser: String?
    public var dependsOn: [String]
    /// Working days from period end (see `LocalDate.closeDay`); negative before it.
    public var due: Int
    public var completion: TaskCompletion

    public init(key: String, title: String, owner: String, odooUser: String? = nil, dependsOn: [String] = [], due: Int,
                completion: TaskCompletion) {
        self.key = key
        self.title = title
        self.owner = owner
        self.odooUser = odooUser
        self.dependsOn = dependsOn
        self.due = due
        self.completion = completion
    }
}

/// A task of one company's checklist for one period, as the store keeps it. Only `done` is stored;
/// blocked and overdue are read off the dependencies and the due date when the board is shown.
public struct ChecklistTask: Sendable, Codable, Hashable {
    public var id: Int64
    public var key: String
    public var title: String
    public var owner: String
    public var odooUser: String?
    public var dependsOn: [String]
    public var due: Int
    public var dueDate: LocalDate
    public var completion: TaskCompletion
    public var isDone: Bool
    public var completedAt: String?
    public var completedBy: String?
    public var comment: String?
    public var evidence: TaskEvidence?
    /// The mail.activity assigned in Odoo, once `--assign` created or found it.
    public var activityID: Int?

    /// The status column: open or done; blocked and overdue are read off when the board is shown.
    enum StoredStatus: String {
        case open, done
    }
}

/// Why an automatic task is (or is not) complete: the check run or the proposal counts it was judged on.
public struct TaskEvidence: Sendable, Codable, Hashable {
    public var summary: String
    public var checkRunID: Int64?
    /// Findings per check (at warning or worse), or proposals per status.
    public var counts: [String: Int]

    public init(summary: String, checkRunID: Int64? = nil, counts: [String: Int] = [:]) {
        self.summary = summary
        self.checkRunID = checkRunID
        self.counts = counts
    }
}

/// One company's checklist for one period, with the template it was instantiated from.
public struct ChecklistRun: Sendable, Codable, Hashable {
    public var id: Int64
    public var sourceKey: SourceKey
    public var period: Period
    public var templateOrigin: String
    public var templateSHA256: String
    public var createdAt: String
    public var createdBy: String
    /// Dependencies before dependents.
    public var tasks: [ChecklistTask]

    public func task(_ key: String) -> ChecklistTask? { tasks.first { $0.key == key } }
}
