public import Ledger

/// Why findings could not be listed, acknowledged or waived, saying what to do instead.
public enum FindingsError: Error, CustomStringConvertible, Equatable {
    case neverChecked(SourceKey)
    case notChecked(Period)
    case unknownFinding(String, period: Period)
    case reasonRequired(String)
    case expiryRequired(String)
    case expiryPassed(LocalDate, asOf: LocalDate)

    public var description: String {
        switch self {
        case .neverChecked(let source): "\(source) has no check run yet: run `closer check --period YYYY-MM` first."
        case .notChecked(let period): "\(period) has not been checked: run `closer check --period \(period)` first."
        case .unknownFinding(let fingerprint, let period):
            "The latest check of \(period) has no finding '\(fingerprint)': `closer findings --period \(period)` lists them with their fingerprints."
        case .reasonRequired(let fingerprint):
            "Setting finding \(fingerprint) aside needs a reason (--reason \"…\"): the reviewers and the auditors read it."
        case .expiryRequired(let fingerprint):
            "Waiving finding \(fingerprint) needs an expiry (--until YYYY-MM-DD): a waiver never lasts for ever."
        case .expiryPassed(let until, let asOf): "--until \(until) is before \(asOf): give a day on or after it."
        }
    }
}
