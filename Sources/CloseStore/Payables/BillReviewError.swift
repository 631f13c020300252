public import Ledger
import Payables

/// Why a bill's review could not be changed, in words that say what to do.
public enum BillReviewError: Error, CustomStringConvertible, Equatable {
    case unknownBill(Int, SourceKey)
    case notBlocked(BillReview)
    case ownBill(BillReview, actor: String)
    case noReason

    public var description: String {
        switch self {
        case .unknownBill(let id, let source):
            "Closer has not checked bill \(id) of \(source.text): run `closer payables intake --bill \(id)` first."
        case .notBlocked(let review):
            "\(review.verdict.bill.title) is \(review.status.rawValue), not blocked: there is nothing to release."
        case .ownBill(let review, let actor):
            "\(actor) prepared \(review.verdict.bill.title) and may not release it: someone else must approve the override."
        case .noReason:
            "Say why the bill may be paid despite what was found (--reason): the auditors will read it."
        }
    }
}
