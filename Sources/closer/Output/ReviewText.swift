import ArgumentParser
import CloseStore
import Foundation
import Governance

enum ReviewText {
    /// What a bulk approval decided, then (on standard error) what was refused and why; exits 1 only
    /// when nothing was decided.
    static func print<Proposal>(_ review: BulkReview<Proposal>, id: (Proposal) -> Int64, approved: (Proposal) -> String) throws {
        for decided in review.decided { Swift.print(approval(decided, id: id(decided.proposal), approved: approved(decided.proposal))) }
        for refused in review.refused { FileHandle.standardError.write(Data("not approved \(refused.id): \(refused.reason)\n".utf8)) }
        if review.decided.isEmpty && !review.refused.isEmpty { throw ExitCode(1) }
    }

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
