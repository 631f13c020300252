public import Ledger

/// A proposal as the approval policy sees it: what kind, how much, who prepared it, and the hash of
/// the version under review (approvals of any other version do not count).
public struct ApprovalRequest: Sendable, Hashable {
    public var proposal: ProposalRef
    public var kind: String
    public var amount: Money?
    /// The login that drafted this version; nil for proposals stored before users existed.
    public var preparer: String?
    public var evidenceSHA256: String

    public init(proposal: ProposalRef, kind: String, amount: Money?, preparer: String?, evidenceSHA256: String) {
        self.proposal = proposal
        self.kind = kind
        self.amount = amount
        self.preparer = preparer
        self.evidenceSHA256 = evidenceSHA256
    }
}

/// One recorded approval of one version of a proposal.
public struct RecordedApproval: Sendable, Codable, Hashable {
    public var proposal: ProposalRef
    public var login: String
    public var role: CloserRole
    public var evidenceSHA256: String
    public var approvedAt: String

    public init(proposal: ProposalRef, login: String, role: CloserRole, evidenceSHA256: String, approvedAt: String) {
        self.proposal = proposal
        self.login = login
        self.role = role
        self.evidenceSHA256 = evidenceSHA256
        self.approvedAt = approvedAt
    }
}

/// The policy's verdict on one approval or rejection: refused (with the rule that refused it), or
/// allowed with the role it counts under and whether the proposal is now fully approved.
public enum ApprovalDecision: Sendable, Equatable {
    case refused(ApprovalRefusal)
    case approval(role: CloserRole, complete: Bool, outstanding: String?)
    case rejection

    /// Weighs `reviewer` approving (or rejecting) the request, given the approvals of its current version so far.
    public static func decide(_ request: ApprovalRequest, approve: Bool, by reviewer: CloserUser, approvalsSoFar: [RecordedApproval],
                              policy: ApprovalPolicy) -> ApprovalDecision {
        let subject = "\(request.proposal.kind.rawValue) proposal \(request.proposal.id)"
        let verb = approve ? "approve" : "reject"
        if let refusal = standingRefusal(of: reviewer, verb: verb, subject: subject) { return .refused(refusal) }
        let (tier, band) = policy.tier(kind: request.kind, amount: request.amount)
        let requirement = "\(request.kind) proposals \(band) need \(Self.requirement(tier))"
        guard approve else {
            guard !reviewer.roles.isDisjoint(with: CloserRole.approving) else {
                return .refused(ApprovalRefusal(rule: "approval policy",
                    message: "rejecting \(subject) needs the approver or controller role; \(reviewer.login) \(Self.holdings(reviewer))"))
            }
            return .rejection
        }
        if let preparer = request.preparer, preparer == reviewer.login {
            return .refused(ApprovalRefusal(rule: "separation of duties",
                message: "\(reviewer.login) prepared \(subject) and cannot approve it; another approver must approve it"))
        }
        let current = approvalsSoFar.filter { $0.evidenceSHA256 == request.evidenceSHA256 }
        if current.contains(where: { $0.login == reviewer.login }) {
            return .refused(ApprovalRefusal(rule: "separation of duties",
                message: "\(reviewer.login) already approved \(subject) (evidence \(request.evidenceSHA256.prefix(12))); "
                    + "the next approval must come from someone else"))
        }
        let usable = reviewer.roles.intersection(tier.roles)
        guard !usable.isEmpty else {
            return .refused(ApprovalRefusal(rule: "approval policy", message: "\(requirement); \(reviewer.login) \(Self.holdings(reviewer))"))
        }
        let controllersMissing = max(0, tier.controllers - current.filter { $0.role == .controller }.count)
        let slotsLeft = tier.approvals - current.count
        let role: CloserRole = usable.contains(.controller) && (controllersMissing > 0 || !usable.contains(.approver)) ? .controller
            : usable.sorted().first!
        if controllersMissing >= slotsLeft && role != .controller {
            return .refused(ApprovalRefusal(rule: "approval policy",
                message: "\(requirement); the remaining approval must be a controller's and \(reviewer.login) \(Self.holdings(reviewer))"))
        }
        let stillMissing = max(0, controllersMissing - (role == .controller ? 1 : 0))
        let complete = current.count + 1 >= tier.approvals && stillMissing == 0
        let outstanding = complete ? nil : "\(current.count + 1) of \(tier.approvals) approvals; \(requirement)"
        return .approval(role: role, complete: complete, outstanding: outstanding)
    }

    /// The agent and a deactivated user decide nothing, whatever the policy says.
    public static func standingRefusal(of reviewer: CloserUser, verb: String, subject: String) -> ApprovalRefusal? {
        if reviewer.isAgent {
            return ApprovalRefusal(rule: "the agent never approves",
                                   message: "\(reviewer.login) cannot \(verb) \(subject); a person with the approver or controller role decides it")
        }
        if !reviewer.active { return ApprovalRefusal(rule: "deactivated user", message: UserError.inactiveUser(reviewer.login).description) }
        return nil
    }

    /// The lock's separation of duties: whoever approves a period lock must not be the only approver
    /// of any of its blocking items (`AppDatabase.approversOfCurrentVersions` gives the approvers).
    public static func lockRefusal(lockApprover: String, approversOfBlockingItems: [ProposalRef: Set<String>]) -> ApprovalRefusal? {
        let solo = approversOfBlockingItems.filter { $0.value == [lockApprover] }.keys.sorted { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }
        guard !solo.isEmpty else { return nil }
        return ApprovalRefusal(rule: "separation of duties", message: "\(lockApprover) is the only approver of "
            + solo.map { "\($0.kind.rawValue) proposal \($0.id)" }.joined(separator: ", ") + " and cannot also approve the lock; another approver must approve them")
    }

    public static func requirement(_ tier: ApprovalPolicy.Tier) -> String {
        let who = tier.roles == [.controller] ? "a controller" : "an " + CloserRole.list(tier.roles)
        if tier.approvals == 1 { return who }
        let plural = tier.roles == [.controller] ? "controllers" : CloserRole.list(tier.roles, suffix: "s")
        return "\(tier.approvals) approvals by \(plural)" + (tier.controllers > 0 ? ", at least \(tier.controllers) by a controller" : "")
    }

    public static func holdings(_ user: CloserUser) -> String {
        user.roles.isEmpty ? "holds no role" : "holds " + CloserRole.list(user.roles, joiner: "and")
    }
}

/// A refused approval or rejection: the rule that refused it and the sentence saying why.
public struct ApprovalRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var rule: String
    public var message: String

    public init(rule: String, message: String) {
        self.rule = rule
        self.message = message
    }

    /// The rule and the whole sentence with its full stop: the CLI, the API and the dashboard all print this.
    public var description: String { "\(rule): \(message)" + (message.hasSuffix(".") ? "" : ".") }
}

/// Which proposal: an adjusting entry or a bank match, by its store id.
public struct ProposalRef: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable {
        case adjustment
        case bankMatch = "bank-match"
    }

    public var kind: Kind
    public var id: Int64

    public init(_ kind: Kind, _ id: Int64) {
        self.kind = kind
        self.id = id
    }
}
