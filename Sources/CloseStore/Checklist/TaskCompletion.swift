public import Ledger

/// What completes a checklist task. Automatic rules are evaluated against the store; `manual` needs a
/// person's sign-off with a comment. Stored as text ("check:a,b", "proposals:accrual", "pull", "lock", "manual").
public enum TaskCompletion: Sendable, Hashable {
    /// The stored ledger covers the period (a pull of the period succeeded).
    case pull
    /// The latest check run of the period has no finding of these checks at warning or worse.
    case checks([String])
    /// No proposal of these kinds (adjustment kinds, or `bank-match`) for the period is still waiting for review.
    case proposals([String])
    /// A lock of the period was written to Odoo and read back (`closer lock approve`).
    case lock
    case manual

    /// The proposals kind that means bank-match proposals rather than adjusting entries.
    public static let bankMatch = "bank-match"

    public var isAutomatic: Bool { self != .manual }

    /// What completes the task, for a person who tried to sign it off by hand.
    public var explanation: String {
        switch self {
        case .pull: "it completes itself once the period's ledger is pulled (`closer pull --period …`)"
        case .checks(let ids):
            "it completes itself once the latest `closer check` has no finding of \(ids.joined(separator: ", ")) at warning or worse"
        case .proposals(let kinds):
            "it completes itself once every \(kinds.joined(separator: ", ")) proposal of the period is approved or rejected"
        case .lock: "it completes itself once the period's lock is approved and verified in Odoo (`closer lock request`, `closer lock approve`)"
        case .manual: "it needs a sign-off with a comment (`closer task done ID --comment …`)"
        }
    }
}

extension TaskCompletion: TextCodable {
    public init?(codingText: String) {
        switch codingText {
        case "pull": self = .pull
        case "lock": self = .lock
        case "manual": self = .manual
        default:
            let parts = codingText.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            let names = parts[1].split(separator: ",").map(String.init)
            switch parts[0] {
            case "check": self = .checks(names)
            case "proposals": self = .proposals(names)
            default: return nil
            }
        }
    }

    public var description: String {
        switch self {
        case .pull: "pull"
        case .lock: "lock"
        case .manual: "manual"
        case .checks(let ids): "check:" + ids.joined(separator: ",")
        case .proposals(let kinds): "proposals:" + kinds.joined(separator: ",")
        }
    }
}
