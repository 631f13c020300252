public import Ledger

/// Why a checklist action was refused, in words that say what to do instead.
public enum ChecklistError: Error, CustomStringConvertible, Equatable {
    case noChecklist(source: SourceKey, period: Period?)
    case unknownTask(String, period: Period, known: [String])
    case automatic(String, explanation: String)
    case dependenciesNotDone(String, [String])
    case commentRequired(String)
    case alreadyDone(String, by: String, at: String)
    case notSignedOff(String)
    case dependentsDone(String, [String])
    case reasonRequired(String)

    public var description: String {
        switch self {
        case .noChecklist(let source, let period):
            "\(source) has no close checklist\(period.map { " for \($0)" } ?? "") yet: run `closer checklist --period YYYY-MM` first."
        case .unknownTask(let key, let period, let known):
            "The \(period) checklist has no task '\(key)' (tasks: \(known.joined(separator: ", ")))."
        case .automatic(let key, let explanation):
            "Task '\(key)' cannot be signed off by hand: \(explanation)."
        case .dependenciesNotDone(let key, let open):
            "Task '\(key)' waits for \(open.joined(separator: ", ")): finish \(open.count == 1 ? "it" : "them") first."
        case .commentRequired(let key):
            "Signing off '\(key)' needs a comment (--comment \"…\"): reviewers and auditors read it."
        case .alreadyDone(let key, let by, let at):
            "Task '\(key)' was already signed off by \(by) at \(at); \(by) or a controller can take it back with `closer task reopen \(key) --reason …`."
        case .notSignedOff(let key): "Task '\(key)' is not signed off: there is nothing to reopen."
        case .dependentsDone(let key, let done):
            "Task '\(key)' cannot be reopened while \(done.joined(separator: ", ")), signed off on top of it, \(done.count == 1 ? "is" : "are") done: reopen \(done.count == 1 ? "it" : "them") first."
        case .reasonRequired(let key): "Reopening '\(key)' needs a reason (--reason \"…\"): the signer and the auditors read it."
        }
    }
}
