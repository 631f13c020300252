/// What the rule set says to do with a bill the intake checks found something on, weakest first.
public enum IntakeAction: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    /// A note on the bill's chatter; nothing stops it.
    case warn
    /// The bill may be paid once someone other than its preparer approves it.
    case secondApprover = "second-approver"
    /// The bill stays draft and unpaid, and the AP clerk gets a To-Do to look into it.
    case hold

    var rank: Int {
        switch self {
        case .warn: 0
        case .secondApprover: 1
        case .hold: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    /// Whether a bill with this outcome may go into a payment before someone releases it.
    public var blocksPayment: Bool { self != .warn }
}
