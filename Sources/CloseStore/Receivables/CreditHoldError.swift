public import Ledger

/// Why a credit hold could not take a step, in words that say what to do.
public enum CreditHoldError: Error, Equatable, CustomStringConvertible {
    case unknownHold(Int64)
    case wrongStatus(id: Int64, status: String, step: String)
    case ownProposal(id: Int64, actor: String)
    case noReason
    case alreadyOpen(partnerID: Int, sourceKey: SourceKey)

    public var description: String {
        switch self {
        case .unknownHold(let id): "There is no credit hold #\(id): `closer collections holds --status all` lists them."
        case .wrongStatus(let id, let status, let step): "Credit hold #\(id) is \(status): it cannot be \(step) now."
        case .ownProposal(let id, let actor):
            "\(actor) proposed credit hold #\(id) and cannot approve it too: another approver or controller decides."
        case .noReason: "Give a reason: it is kept on the audit trail."
        case .alreadyOpen(let partnerID, let sourceKey): "Customer \(partnerID) of \(sourceKey) already has an open credit hold."
        }
    }
}
