import ArgumentParser
import CloseStore
import Foundation

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
