/// What `/metrics` reports about the intake: how many bills were checked and how they stand, what was
/// found on the open ones, and how long the blocked ones have waited.
public struct BillReviewGauges: Sendable, Hashable {
    /// Reviews by status (clear, warned, blocked, released), every status present.
    public var byStatus: [String: Int]
    /// The open exceptions of blocked and warned bills by family ("duplicate": the hit's strongest signal;
    /// "match": the order-match exception's kind) and kind.
    public var exceptionsByKind: [Kind: Int]
    /// Whole days each blocked bill has waited since its problems were found.
    public var blockedAgeDays: [Int]

    public struct Kind: Sendable, Hashable {
        public var family: String
        public var kind: String
    }

    /// Clear bills' share of the reviewed ones: the touchless rate; 0 before any bill is checked.
    public var touchlessRate: Double {
        let reviewed = byStatus.values.reduce(0, +)
        return reviewed == 0 ? 0 : Double(byStatus[BillReview.Status.clear.rawValue] ?? 0) / Double(reviewed)
    }
}
