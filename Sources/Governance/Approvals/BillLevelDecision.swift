/// The policy's verdict on someone deciding one level of a vendor bill's approval route: refused with
/// the rule that refused it, or allowed under a role, in their own name or for the approver whose
/// delegation they hold. The same separation of duties as proposals: the agent and deactivated users
/// never decide, and those `barred` (the bill's preparer, whoever asked, the deciders of its other
/// levels) never approve.
public enum BillLevelDecision: Sendable, Equatable {
    case refused(ApprovalRefusal)
    case allowed(role: CloserRole, onBehalfOf: String?)

    /// - Parameters:
    ///   - roles: the roles the level accepts.
    ///   - barred: lower-cased login → why that person may not approve ("prepared the bill").
    ///   - delegators: the approvers whose delegation to `reviewer` is in force now.
    public static func decide(subject: String, level: Int, roles: Set<CloserRole>, approve: Bool, by reviewer: CloserUser,
                              barred: [String: String], delegators: [CloserUser]) -> BillLevelDecision {
        let verb = approve ? "approve" : "reject"
        if let refusal = ApprovalDecision.standingRefusal(of: reviewer, verb: verb, subject: subject) { return .refused(refusal) }
        if approve, let why = barred[reviewer.login.lowercased()] {
            return .refused(ApprovalRefusal(rule: "separation of duties",
                message: "\(reviewer.login) \(why) and cannot approve level \(level) of \(subject); someone else must"))
        }
        if let role = reviewer.roles.intersection(roles).max() { return .allowed(role: role, onBehalfOf: nil) }
        let standIns = delegators.filter { delegator in
            ApprovalDecision.standingRefusal(of: delegator, verb: verb, subject: subject) == nil && !delegator.roles.isDisjoint(with: roles)
        }
        if let delegator = standIns.first(where: { !approve || barred[$0.login.lowercased()] == nil }) {
            return .allowed(role: delegator.roles.intersection(roles).max()!, onBehalfOf: delegator.login)
        }
        if let delegator = standIns.first, let why = barred[delegator.login.lowercased()] {
            return .refused(ApprovalRefusal(rule: "separation of duties",
                message: "\(delegator.login), whose delegation \(reviewer.login) holds, \(why) and cannot approve level \(level) of \(subject)"))
        }
        let needs = "level \(level) of \(subject) needs " + (roles == [.controller] ? "a controller" : "an \(CloserRole.list(roles))")
        return .refused(ApprovalRefusal(rule: "approval policy",
            message: "\(needs); \(reviewer.login) \(ApprovalDecision.holdings(reviewer)) and holds no delegation in force from one"))
    }
}
