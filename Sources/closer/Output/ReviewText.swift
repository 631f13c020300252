import CloseStore

enum ReviewText {
    /// One line per approval: approved, or recorded while the policy still waits for more.
    static func approval<Proposal>(_ review: Reviewed<Proposal>, id: Int64, approved: String) -> String {
        review.outstanding.map { "approval of \(id) recorded, still waiting: \($0)" } ?? "approved \(id): \(approved)"
    }
}
