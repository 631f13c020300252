public import Ledger

/// Why a payment run or a bank verification could not take a step, in words that say what to do.
public enum PaymentRunError: Error, Equatable, CustomStringConvertible {
    case unknownRun(Int64)
    case wrongStatus(id: Int64, status: String, step: String)
    case ownProposal(id: Int64, actor: String)
    case conflicts(id: Int64, reasons: [String])
    case approvedRunUnpaid(id: Int64, sourceKey: SourceKey)
    case emptyRun(id: Int64)
    case noReason
    case noChannel

    public var description: String {
        switch self {
        case .unknownRun(let id): "There is no payment run #\(id): `closer payments runs` lists them."
        case .wrongStatus(let id, let status, let step): "Payment run #\(id) is \(status): it cannot be \(step) now."
        case .ownProposal(let id, let actor): "\(actor) proposed payment run #\(id) and cannot approve it too: another approver or controller decides."
        case .conflicts(let id, let reasons):
            "Payment run #\(id) cannot be approved by this person: " + reasons.joined(separator: "; ")
                + ". A third person approves (whoever changes bank details, verifies them and approves the payment must be three people)."
        case .approvedRunUnpaid(let id, let sourceKey):
            "Payment run #\(id) of \(sourceKey) is approved and not yet paid in Odoo: finish it (`closer payments approve \(id)` again in a mode that "
                + "writes) or reject it before proposing another, so no bill is paid twice."
        case .emptyRun(let id): "Payment run #\(id) pays nothing: every bill was left out. Reject it, or fix the reasons and propose again."
        case .noReason: "Give a reason: it is kept on the audit trail."
        case .noChannel:
            "Say how the bank details were verified (for example \"call to +31 20 555 0101 from the 2024 contract\"): a call to a number from an "
                + "earlier record, not from the change request, is what counts."
        }
    }
}
