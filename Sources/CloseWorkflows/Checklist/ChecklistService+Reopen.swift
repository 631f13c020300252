import CloseStore
import Foundation
import Governance
public import Ledger

extension ChecklistService {
    /// `closer task reopen`: takes a manual task's sign-off back, by the signer or a controller, with a reason
    /// (audited with who signed, when and what they wrote). Tasks signed off on top of it must be reopened first,
    /// so no sign-off rests on one taken back.
    public func reopen(sourceKey: SourceKey, period: Period?, taskKey: String, reason: String, asOf: LocalDate) throws -> ChecklistBoard {
        let stored = try storedRun(sourceKey: sourceKey, period: period)
        let (run, task) = try manualTask(taskKey, sourceKey: sourceKey, period: stored.period)
        guard task.isDone else { throw ChecklistError.notSignedOff(taskKey) }
        let done = Set(run.tasks.filter(\.isDone).map(\.key))
        guard !hasDoneDependent(task, run, done) else {
            throw ChecklistError.dependentsDone(taskKey, run.tasks.filter { $0.dependsOn.contains(taskKey) && $0.isDone }.map(\.key))
        }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ChecklistError.reasonRequired(taskKey) }
        let signer = Set([task.completedBy].compactMap { $0 })
        if let refusal = UndoPolicy.undoRefusal("the sign-off of \(taskKey)", madeBy: signer, by: try store.user(login: actor)) { throw refusal }
        let reopened = try store.recordChecklistChanges([.signOffReopened(task, reason: text)], run: run, actor: actor)
        return try evaluate(reopened, asOf: asOf)
    }
}
