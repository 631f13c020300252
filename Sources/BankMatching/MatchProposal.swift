public import Ledger

/// What happens to a proposal under the rule set's thresholds.
public enum MatchDecision: String, Sendable, Codable, Hashable {
    /// Confident enough to apply without review (where the operating mode allows it).
    case auto
    /// Waits for a reviewer.
    case review
    /// Too uncertain for ordinary review: a senior person looks at it.
    case escalate
    /// Nothing sensible to propose; `reason` says why.
    case cannotMatch = "cannot-match"
}

/// One scored way to reconcile a statement line.
public struct ScoredCandidate: Sendable, Codable, Hashable {
    /// account.move.line ids of the open items settled.
    public var itemLineIDs: [Int]
    public var documents: [String]
    public var shape: MatchShape
    /// What the bank line carries beyond the items (statement currency): for a write-off, negative when
    /// the payer paid short (an expense to book), positive when overpaid; for a counterpart, the whole amount.
    public var writeOff: Money?
    public var writeOffAccountID: Int?
    /// "626000 Bank Fees": the write-off or counterpart account as people read it.
    public var writeOffAccount: String?
    /// Calibrated probability that this is the right match.
    public var probability: Double
    public var reason: String
}

/// A bank statement line with its ranked candidates and what the policy decided.
public struct MatchProposal: Sendable, Codable, Hashable {
    public var statementLineID: Int
    public var date: LocalDate
    public var amount: Money
    public var text: String
    public var partnerID: Int?
    public var decision: MatchDecision
    /// Best first; at most three.
    public var candidates: [ScoredCandidate]
    /// Why this decision, in words (for cannot-match: why nothing fits).
    public var reason: String
    public var modelVersion: Int

    public var best: ScoredCandidate? { candidates.first }
}
