import CloseStore
import Governance

enum ReviewText {
    /// One line per approval: approved, or recorded while the policy still waits for more.
    static func approval<Proposal>(_ review: Reviewed<Proposal>, id: Int64, approved: String) -> String {
        review.outstanding.map { "approval of \(id) recorded, still waiting: \($0)" } ?? "approved \(id): \(approved)"
    }
}

extension ReviewText {
    /// "withdrew bob's approval of 3 (…); it waits for review again (approvals left: carol)".
    static func withdrawal<Proposal>(_ withdrawal: Withdrawal<Proposal>, id: Int64) -> String {
        let left = withdrawal.approvalsLeft.isEmpty ? "" : " (approvals still standing: \(withdrawal.approvalsLeft.map(\.login).joined(separator: ", ")))"
        return "withdrew \(withdrawal.madeBy.joined(separator: ", "))'s \(withdrawal.decision.rawValue) of \(id) (\(withdrawal.reason)); "
            + "it waits for review again\(left)"
    }
}
