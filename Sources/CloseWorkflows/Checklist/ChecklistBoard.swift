public import CloseStore
public import Ledger

/// Where a task stands on a given day. Only `done` is stored; the others are read off the dependencies
/// and the due date: blocked (a dependency is not done) wins over overdue (open past its due date).
public enum ChecklistTaskStatus: String, Sendable, Codable, CaseIterable {
    case done, blocked, overdue, open
}

/// `closer checklist`: every task of a company's period with its status and what holds it up.
public struct ChecklistBoard: Sendable, Codable {
    public struct Row: Sendable, Codable {
        public var task: ChecklistTask
        public var status: ChecklistTaskStatus
        /// Dependencies not done yet.
        public var blockedBy: [String]
        /// What keeps an automatic task open (findings, undecided proposals, a missing run), with counts.
        public var waitingOn: [String]
        /// Set when a done automatic task's rule no longer holds but a later task is already done, so it stays done.
        public var regressed: String?
    }

    public var source: SourceKey
    public var period: Period
    public var asOf: LocalDate
    public var templateOrigin: String
    public var templateSHA256: String
    /// Set when the template given now is not the one the checklist was instantiated from (the stored one is kept).
    public var templateNote: String?
    public var rows: [Row]
    /// What `--assign` did, when asked.
    public var assignment: ChecklistAssignReport?

    public var counts: [ChecklistTaskStatus: Int] { Dictionary(grouping: rows, by: \.status).mapValues(\.count) }

    /// "12 tasks: 7 done, 3 open, 2 blocked", statuses with no task left out.
    public var summary: String {
        let counts = counts
        return "\(rows.count) tasks: " + ChecklistTaskStatus.allCases.compactMap { status in
            counts[status].map { "\($0) \(status.rawValue)" }
        }.joined(separator: ", ")
    }

    public func row(_ key: String) -> Row? { rows.first { $0.task.key == key } }
}
