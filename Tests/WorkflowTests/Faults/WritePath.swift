/// Every path on which Closer writes to Odoo, as a row of the fault matrix. A new write path (payments)
/// is one more case here and one `WritePathCase`.
enum WritePath: String, CaseIterable, Sendable, CustomStringConvertible {
    case bankMatch = "bank-match apply"
    case adjustingEntry = "adjusting-entry apply"
    case adjustingRollback = "adjusting-entry rollback"
    case findingNote = "finding notes (chatter + To-Do)"
    case checklistToDo = "checklist To-Dos"
    case lockDate = "lock dates"
    case auditHead = "audit head note"
    case billHold = "bill hold (note, To-Do, payment block)"
    case reminderSend = "payment reminder (message, To-Do done)"

    var description: String { rawValue }

    /// Seeds what the path writes and returns it ready to run.
    func start(_ bench: FaultBench) async throws -> any WritePathCase {
        switch self {
        case .bankMatch: try await BankMatchCase(bench: bench)
        case .adjustingEntry: try await AdjustingEntryCase(bench: bench)
        case .adjustingRollback: try await AdjustingRollbackCase(bench: bench)
        case .findingNote: try await FindingNoteCase(bench: bench)
        case .checklistToDo: try await ChecklistToDoCase(bench: bench)
        case .lockDate: try await LockDateCase(bench: bench)
        case .auditHead: try await AuditHeadCase(bench: bench)
        case .billHold: try await BillHoldCase(bench: bench)
        case .reminderSend: try await ReminderSendCase(bench: bench)
        }
    }
}

/// One write path's intended writes, the command that makes them, and the check of what Odoo and the store hold.
protocol WritePathCase: Sendable {
    /// One run of the command (`closer reconcile apply`, `closer apply`, …); what it reports as failed is an outcome, not an error.
    func run(_ bench: FaultBench) async throws
    /// What Odoo and the store hold now. `settled`: after the recovery run, when every intended write must be
    /// in Odoo exactly once and the store must say so; before it, nothing may be duplicated and nothing the store
    /// calls applied may be missing from Odoo.
    func audit(_ bench: FaultBench, settled: Bool) async throws -> WriteAudit
}

/// The invariant's findings for one run, each a sentence naming the record.
struct WriteAudit: Sendable {
    var intended: Int
    /// An intended write Odoo holds more than once.
    var duplicates: [String] = []
    /// An intended write Odoo does not hold (after the recovery run), or half of one.
    var losses: [String] = []
    /// The store says applied where Odoo does not hold it, or (settled) not applied where it does.
    var storeMismatches: [String] = []

    var problems: [String] { duplicates.map { "duplicate: " + $0 } + losses.map { "lost: " + $0 } + storeMismatches.map { "store: " + $0 } }

    /// Counts `actual` copies of an intended write: more than one is a duplicate; none, once settled, a loss.
    mutating func expectOnce(_ what: String, count actual: Int, settled: Bool) {
        if actual > 1 { duplicates.append("\(what) is in Odoo \(actual) times") }
        if actual == 0 && settled { losses.append("\(what) is not in Odoo") }
    }

    /// The store's word against Odoo's records.
    mutating func expectStore(_ what: String, storeSaysApplied: Bool, odooHolds: Bool, settled: Bool) {
        if storeSaysApplied && !odooHolds { storeMismatches.append("the store says \(what) is applied; Odoo does not hold it") }
        if settled && !storeSaysApplied && odooHolds { storeMismatches.append("Odoo holds \(what); the store does not say it was applied") }
    }
}
