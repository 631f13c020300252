public import Ledger

/// Why a checklist action was refused, in words that say what to do instead.
public enum ChecklistError: Error, CustomStringConvertible, Equatable {
    case noChecklist(source: SourceKey, period: Period?)
    case unknownTask(String, period: Period, known: [String])
    case automatic(String, explanation: String)
    case dependenciesNotDone(String, [String])
    case commentRequired(String)
    case alreadyDone(String, by: String, at: String)

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
            "Task '\(key)' was already signed off by \(by) at \(at); a sign-off stays."
        }
    }
}
