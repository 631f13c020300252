public import CloseStore
public import Governance
public import Ledger

/// `closer todo`: what is left for one person in a company's period, and only what they may act on.
public struct TodoList: Sendable, Codable {
    /// A finding on the list, and whether the stored ledger names this person as the one who created its entry
    /// (otherwise it is a finding of the period at warning or worse that the store cannot attribute to anyone else).
    public struct FindingItem: Sendable, Codable {
        public var listed: ListedFinding
        public var yours: Bool
    }

    public var login: String
    public var roles: [CloserRole]
    public var source: SourceKey
    public var period: Period
    public var asOf: LocalDate
    /// Proposals waiting for review that the policy would let this person approve now.
    public var approvals: [WaitingReview]
    /// Checklist tasks this person owns (by login or role), not done, not waiting on another task, due by `asOf`.
    public var tasks: [ChecklistBoard.Row]
    public var findings: [FindingItem]

    public var isEmpty: Bool { approvals.isEmpty && tasks.isEmpty && findings.isEmpty }

    /// "2 approvals, 1 task, 3 findings".
    public var summary: String {
        [(approvals.count, "approval"), (tasks.count, "task"), (findings.count, "finding")]
            .map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: ", ")
    }
}
