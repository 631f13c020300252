
/// How a statement line would be reconciled.
public enum MatchShape: String, Sendable, Codable, Hashable {
    /// One open item, amounts equal.
    case oneToOne = "1:1"
    /// Several open items paid at once.
    case oneToMany = "1:N"
    /// Part of an open item (an instalment); the item stays open for the rest.
    case partial
    /// Open items plus a small difference written off (bank charge, rounding).
    case withWriteOff = "write-off"
    /// No open item: the whole amount goes to an account learned from earlier lines (bank fees, payroll).
    case counterpart
}

/// One way to reconcile a statement line, before it is scored.
public struct MatchCandidate: Sendable, Hashable {
    public var items: [OpenItem]
    public var shape: MatchShape
    /// Statement amount minus the items' residuals, in the statement line's currency (minor units):
    /// what a write-off books (or, for a partial, what stays open with the sign reversed).
    public var difference: Int64
    /// For write-offs and counterparts: the account the difference or the whole amount goes to.
    public var accountID: Int?
    /// For counterparts: how many earlier lines with the same text went to that account, and how many such lines there were.
    public var memory: (agreeing: Int, total: Int)?

    public static func == (lhs: MatchCandidate, rhs: MatchCandidate) -> Bool {
        lhs.items.map(\.lineID) == rhs.items.map(\.lineID) && lhs.shape == rhs.shape && lhs.accountID == rhs.accountID
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(items.map(\.lineID))
        hasher.combine(shape)
        hasher.combine(accountID)
    }
}
