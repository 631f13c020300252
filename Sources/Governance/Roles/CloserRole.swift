/// What a Closer user may do. A user may hold several roles; the approval policy names the roles
/// whose approvals count for each kind of proposal and amount.
public enum CloserRole: String, Sendable, Codable, CaseIterable, Comparable {
    /// Reads ledgers, findings, proposals and the audit trail.
    case viewer
    /// Drafts proposals (`closer propose`, `closer reconcile`).
    case preparer
    /// Approves or rejects proposals within the policy's limits.
    case approver
    /// Approves what the policy reserves for a controller (large amounts, the period lock).
    case controller
    /// Manages users, roles and tokens.
    case admin

    /// The roles whose approvals a policy may count.
    public static let approving: [CloserRole] = [.approver, .controller]

    public static func < (lhs: CloserRole, rhs: CloserRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// "approver or controller", for messages.
    public static func list(_ roles: some Sequence<CloserRole>, joiner: String = "or", suffix: String = "") -> String {
        let names = roles.sorted().map { $0.rawValue + suffix }
        return names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " \(joiner) " + names.last!
    }
}
