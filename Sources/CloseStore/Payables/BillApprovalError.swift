public import Ledger
import Payables

/// Why a bill's approval could not be recorded, in words that say what to do.
public enum BillApprovalError: Error, CustomStringConvertible, Equatable {
    case notRouted(billID: Int, SourceKey)
    case closed(BillApproval)
    case rejectionWithoutComment
    case delegation(String)

    public var description: String {
        switch self {
        case .notRouted(let id, let source):
            "Bill \(id) of \(source.text) is not waiting for approval: intake routes a bill when a rule of payables.approval fires on it."
        case .closed(let approval):
            "\(approval.facts.billTitle) is already \(approval.status.rawValue)"
                + (approval.decisions.last.map { " (level \($0.level) by \($0.approver) at \($0.decidedAt))" } ?? "") + ": there is nothing to decide."
        case .rejectionWithoutComment:
            "Say why the bill is rejected (--comment): its preparer reads it."
        case .delegation(let message):
            message
        }
    }
}
