public import CloseStore
public import Ledger
import Foundation

/// `closer checklist` and `closer task done`: instantiates a company's close checklist for a period from a
/// template, once; completes automatic tasks from what the store knows; records manual sign-offs.
///
/// Re-evaluating changes nothing when nothing changed. A manual task done stays done. An automatic task whose
/// rule stops holding (a new finding, a fresh proposal) reopens, audited, unless a task depending on it is
/// already done: then it stays done and the board says it regressed, since reopening it would contradict
/// a sign-off already given on top of it.
public struct ChecklistService: Sendable {
    public var store: AppDatabase
    public var actor: String

    public init(store: AppDatabase, actor: String) {
        self.store = store
        self.actor = actor
    }

    /// Instantiates the checklist (first time), evaluates its automatic tasks and returns the board.
    public func board(sourceKey: SourceKey, period: Period, asOf: LocalDate, template: ChecklistTemplate = .builtIn) throws -> ChecklistBoard {
        try store.requirePulled(period, sourceKey: sourceKey)
        let run = try store.createChecklistRun(sourceKey: sourceKey, period: period, templateOrigin: template.origin,
                                               templateSHA256: template.sha256, tasks: template.tasks, actor: actor)
        var board = try evaluate(run, asOf: asOf)
        if run.templateSHA256 != template.sha256 {
            board.templateNote = "this checklist was instantiated from \(run.templateOrigin) (SHA-256 \(run.templateSHA256.prefix(12))…); "
                + "\(template.origin) differs and is not applied to a checklist already started"
        }
        return board
    }

    /// Signs off a manual task of the period's checklist (default: the company's latest checklist).
    public func signOff(sourceKey: SourceKey, period: Period?, taskKey: String, comment: String, asOf: LocalDate) throws -> ChecklistBoard {
        let stored = try storedRun(sourceKey: sourceKey, period: period)
        // Evaluated first, so a dependency that just became clean counts.
        let current = try evaluate(stored, asOf: asOf)
        let (run, task) = try manualTask(taskKey, sourceKey: sourceKey, period: stored.period)
        guard !task.isDone else { throw ChecklistError.alreadyDone(taskKey, by: task.completedBy ?? "?", at: task.completedAt ?? "?") }
        let open = current.row(taskKey)?.blockedBy ?? []
        guard open.isEmpty else { throw ChecklistError.dependenciesNotDone(taskKey, open) }
        let text = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ChecklistError.commentRequired(taskKey) }
        let signed = try store.recordChecklistChanges([.signedOff(task, comment: text)], run: run, actor: actor)
        return try evaluate(signed, asOf: asOf)
    }

    /// The period's checklist (default: the company's latest), which must have been started.
    func storedRun(sourceKey: SourceKey, period: Period?) throws -> ChecklistRun {
        guard let period = try period ?? store.latestChecklistPeriod(sourceKey: sourceKey),
              let stored = try store.checklistRun(sourceKey: sourceKey, period: period) else {
            throw ChecklistError.noChecklist(source: sourceKey, period: period)
        }
        return stored
    }

    /// A manual task of the period's checklist as stored now: only those are signed off (and reopened) by hand.
    func manualTask(_ taskKey: String, sourceKey: SourceKey, period: Period) throws -> (ChecklistRun, ChecklistTask) {
        let run = try store.checklistRun(sourceKey: sourceKey, period: period)!
        guard let task = run.task(taskKey) else { throw ChecklistError.unknownTask(taskKey, period: period, known: run.tasks.map(\.key)) }
        guard !task.completion.isAutomatic else { throw ChecklistError.automatic(taskKey, explanation: task.completion.explanation) }
        return (run, task)
    }

    /// Completes or reopens automatic tasks as the store's facts say, dependencies first, and reads the board.
    func evaluate(_ stored: ChecklistRun, asOf: LocalDate) throws -> ChecklistBoard {
        let facts = try store.checklistFacts(sourceKey: stored.sourceKey, period: stored.period, asOf: asOf)
        var done = Set(stored.tasks.filter(\.isDone).map(\.key))
        var changes: [ChecklistChange] = []
        for task in stored.tasks where task.completion.isAutomatic {
            let verdict = facts.assess(task.completion)
            let ready = task.dependsOn.allSatisfy(done.contains)
            if !task.isDone && ready && verdict.isComplete {
                changes.append(.completed(task, verdict.evidence))
                done.insert(task.key)
            } else if task.isDone && !verdict.isComplete && !hasDoneDependent(task, stored, done) {
                changes.append(.reopened(task, verdict.evidence))
                done.remove(task.key)
            }
        }
        let run = changes.isEmpty ? stored : try store.recordChecklistChanges(changes, run: stored, actor: actor)
        return Self.board(of: run, facts: facts, done: done, asOf: asOf)
    }

    /// The period's checklist as stored, read-only: nothing is instantiated, completed or reopened, so a
    /// report (the close package) shows the sign-offs as they stand. Nil when no checklist was started.
    public static func storedBoard(in store: AppDatabase, sourceKey: SourceKey, period: Period, asOf: LocalDate) throws -> ChecklistBoard? {
        guard let run = try store.checklistRun(sourceKey: sourceKey, period: period) else { return nil }
        let facts = try store.checklistFacts(sourceKey: sourceKey, period: period, asOf: asOf)
        return board(of: run, facts: facts, done: Set(run.tasks.filter(\.isDone).map(\.key)), asOf: asOf)
    }

    /// Reads each task's status off the done set, its dependencies and the due date.
    static func board(of run: ChecklistRun, facts: ChecklistFacts, done: Set<String>, asOf: LocalDate) -> ChecklistBoard {
        let rows = run.tasks.map { task in
            let verdict = task.completion.isAutomatic ? facts.assess(task.completion) : nil
            let blockedBy = task.isDone ? [] : task.dependsOn.filter { !done.contains($0) }
            let status: ChecklistTaskStatus = task.isDone ? .done : !blockedBy.isEmpty ? .blocked : asOf > task.dueDate ? .overdue : .open
            let regressed = task.isDone && verdict?.isComplete == false
                ? "no longer holds (\(verdict!.waitingOn.joined(separator: "; "))), but a task after it is done" : nil
            return ChecklistBoard.Row(task: task, status: status, blockedBy: blockedBy, waitingOn: task.isDone ? [] : verdict?.waitingOn ?? [],
                                      regressed: regressed)
        }
        return ChecklistBoard(source: run.sourceKey, period: run.period, asOf: asOf, templateOrigin: run.templateOrigin,
                              templateSHA256: run.templateSHA256, rows: rows)
    }

    func hasDoneDependent(_ task: ChecklistTask, _ run: ChecklistRun, _ done: Set<String>) -> Bool {
        run.tasks.contains { $0.dependsOn.contains(task.key) && done.contains($0.key) }
    }
}
