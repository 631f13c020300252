public import Governance

/// A decision taken back before it was applied: which proposal, whether an approval or a rejection,
/// whose decision it was, who withdrew it and why. The proposal waits for review again.
public struct Withdrawal<Proposal: Sendable & Codable>: Sendable, Codable {
    public var proposal: Proposal
    public var decision: WithdrawnDecision
    /// Whose approvals (or rejection) were withdrawn.
    public var madeBy: [String]
    public var withdrawnBy: String
    public var reason: String
    /// The approvals of the current version still standing after the withdrawal.
    public var approvalsLeft: [RecordedApproval]
}

/// Which kind of decision a withdrawal took back.
public enum WithdrawnDecision: String, Sendable, Codable {
    case approval, rejection
}

/// Why a decision could not be withdrawn, saying what to do instead.
public enum WithdrawalError: Error, CustomStringConvertible, Equatable {
    case reasonRequired(String)
    case settled(String, status: String)
    case nothingToWithdraw(String)

    public var description: String {
        switch self {
        case .reasonRequired(let subject):
            "Withdrawing a decision on \(subject) needs a reason (--reason \"…\"): the next reviewer and the auditors read it."
        case .settled(let subject, let status):
            "Cannot withdraw: \(subject) is \(status), and a decision can only be withdrawn before it is applied (`closer rollback` undoes written entries)."
        case .nothingToWithdraw(let subject):
            "Nothing to withdraw: \(subject) has no approval or rejection, it is waiting for review."
        }
    }
}
