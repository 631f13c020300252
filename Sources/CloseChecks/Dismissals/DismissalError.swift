public import Ledger

/// Why a finding could not be dismissed or a dismissal withdrawn, saying what to do instead.
public enum DismissalError: Error, CustomStringConvertible, Equatable {
    case reasonRequired
    case expiryRequired(checkID: String)
    case expiryPassed(LocalDate, asOf: LocalDate)
    case expiryTooFar(LocalDate, latest: LocalDate, maxDays: Int)
    /// The finding's records are on no one partner or account (`names`: the several they share, if any).
    case noCommon(DismissalScope.Choice, names: [String])
    case unknownDismissal(Int64)
    case alreadyWithdrawn(Int64)
    /// The fingerprint is a dismissal's note, not a finding.
    case setAsideNote(dismissal: String)

    public var description: String {
        switch self {
        case .reasonRequired: "A dismissal needs a reason (--reason \"…\"): the next controller and the auditors read it."
        case .expiryRequired(let check):
            "Dismissing all of \(check) for the company needs an expiry (--until YYYY-MM-DD): a whole check is never set aside for ever."
        case .expiryPassed(let until, let asOf): "--until \(until) is before \(asOf): give a day on or after it."
        case .expiryTooFar(let until, let latest, let days):
            "--until \(until) is too far: a dismissal lasts at most \(days) days (the rule set's triage.dismissal_max_days), so \(latest) at the latest."
        case .noCommon(let scope, let names) where names.isEmpty:
            "The finding's records are not all on one \(scope.rawValue): dismiss it with --scope record, or the whole check with --scope kind."
        case .noCommon(let scope, let names):
            "The finding's records are on several \(scope.rawValue)s (\(names.joined(separator: ", "))), so --scope \(scope.rawValue) is ambiguous: "
                + "dismiss it with --scope record, or the whole check with --scope kind."
        case .unknownDismissal(let id): "There is no dismissal #\(id) for this ledger: `closer findings dismissals` lists them."
        case .alreadyWithdrawn(let id): "Dismissal #\(id) was withdrawn already."
        case .setAsideNote(let id):
            "That is the note of dismissal #\(id), not a finding: `closer findings dismissals withdraw \(id)` brings its findings back at the next check."
        }
    }
}
