public import Ledger

/// Why the store refused a collections step, with what to do instead.
public enum CollectionsStoreError: Error, CustomStringConvertible, Equatable {
    case unknownReminder(Int64)
    case reminderNotOpen(Int64, status: String)
    case unknownPromise(Int64)
    case promiseNotOpen(Int64, status: String)
    case unknownDispute(Int64)
    case disputeNotOpen(Int64)
    case alreadyDisputed(invoice: String, disputeID: Int64)
    case missingText(String)
    case notPositive(String)

    public var description: String {
        switch self {
        case .unknownReminder(let id): "No reminder \(id) in this store (see `closer collections reminders`)."
        case .reminderNotOpen(let id, let status): "Reminder \(id) is \(status), not waiting for a decision; draft again to get a current one."
        case .unknownPromise(let id): "No promise \(id) in this store (see `closer collections promises`)."
        case .promiseNotOpen(let id, let status): "Promise \(id) is already \(status)."
        case .unknownDispute(let id): "No dispute \(id) in this store (see `closer collections disputes`)."
        case .disputeNotOpen(let id): "Dispute \(id) is already resolved."
        case .alreadyDisputed(let invoice, let id): "Invoice \(invoice) is already disputed (dispute \(id)); resolve that one first."
        case .missingText(let what): "Say \(what): it is kept in the audit trail."
        case .notPositive(let what): "\(what) must be more than zero."
        }
    }
}
