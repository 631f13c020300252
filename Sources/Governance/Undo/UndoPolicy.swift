/// Who may take a decision back or set a finding aside. Like the approval policy, a refusal names its rule.
public enum UndoPolicy {
    /// The roles that act on findings: acknowledging one says someone is on it.
    public static let actingOnFindings: Set<CloserRole> = [.preparer, .approver, .controller]

    /// Withdrawing an approval or a rejection, or reopening a sign-off (`what`, e.g. "the approval of adjustment
    /// proposal 3"): only whoever made it (`madeBy`), or a controller, since it puts work back in someone's queue.
    public static func undoRefusal(_ what: String, madeBy: Set<String>, by user: CloserUser) -> ApprovalRefusal? {
        if let refusal = personRefusal(user, verb: "undo") { return refusal }
        guard !madeBy.contains(user.login), !user.roles.contains(.controller) else { return nil }
        let makers = madeBy.sorted().joined(separator: ", ")
        return ApprovalRefusal(rule: "who may undo", message: "\(user.login) cannot withdraw \(what): only \(makers.isEmpty ? "its maker" : makers), "
                               + "who made it, or a controller may; \(user.login) \(ApprovalDecision.holdings(user))")
    }

    /// Acknowledging a finding needs a role that acts on findings; waiving one (it stops blocking the lock) a controller.
    public static func findingRefusal(waive: Bool, fingerprint: String, by user: CloserUser) -> ApprovalRefusal? {
        findingRefusal(waive ? "waive" : "acknowledge", fingerprint: fingerprint, needs: waive ? [.controller] : actingOnFindings, by: user)
    }

    /// The roles that dismiss findings: a preparer or a controller answers for what the next check no longer shows.
    public static let dismissingFindings: Set<CloserRole> = [.preparer, .controller]

    /// Dismissing a finding (the next checks hide it) needs a preparer or a controller; dismissing the whole check for
    /// the company (`wholeCheck`) a controller.
    public static func dismissalRefusal(wholeCheck: Bool, fingerprint: String, by user: CloserUser) -> ApprovalRefusal? {
        findingRefusal("dismiss", fingerprint: fingerprint, needs: wholeCheck ? [.controller] : dismissingFindings, by: user)
    }

    static func findingRefusal(_ verb: String, fingerprint: String, needs needed: Set<CloserRole>, by user: CloserUser) -> ApprovalRefusal? {
        if let refusal = personRefusal(user, verb: verb) { return refusal }
        guard user.roles.isDisjoint(with: needed) else { return nil }
        return ApprovalRefusal(rule: "approval policy", message: "\(verb.hasSuffix("e") ? String(verb.dropLast()) : verb)ing finding \(fingerprint) needs the "
                               + "\(CloserRole.list(needed)) role; \(user.login) \(ApprovalDecision.holdings(user))")
    }

    /// The agent and deactivated users take nothing back: a person answers for every undo.
    static func personRefusal(_ user: CloserUser, verb: String) -> ApprovalRefusal? {
        if user.isAgent {
            return ApprovalRefusal(rule: "the agent never approves", message: "\(user.login) cannot \(verb) a decision; a person does")
        }
        if !user.active { return ApprovalRefusal(rule: "deactivated user", message: UserError.inactiveUser(user.login).description) }
        return nil
    }
}
