/// Why someone may not act: not signed in, signed in as someone else than named, or without a role
/// the action needs. Each sentence says what to do about it.
public enum AccessRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nobody proved who they are; `claimed` is the login CLOSER_ACTOR named, if any.
    case notSignedIn(action: CloserAction, claimed: String?)
    /// CLOSER_ACTOR names one user while the token belongs to another.
    case tokenOfAnotherUser(claimed: String, tokenOwner: String)
    case missingRole(login: String, action: CloserAction)
    case inactive(login: String)
    case agentActsAlone(action: CloserAction)

    public var description: String {
        switch self {
        case .notSignedIn(let action, let claimed):
            (claimed.map { "CLOSER_ACTOR names '\($0)', but a name is not proof: " } ?? "")
                + "to \(action.phrase) you sign in as your Closer user: set CLOSER_TOKEN to your personal API token "
                + "(an admin issues one with `closer users token LOGIN`), or run the command on a terminal to type your password."
        case .tokenOfAnotherUser(let claimed, let owner):
            "CLOSER_ACTOR names '\(claimed)' but CLOSER_TOKEN belongs to '\(owner)': unset CLOSER_ACTOR, or use \(claimed)'s own token."
        case .missingRole(let login, let action):
            "\(login) cannot \(action.phrase): it needs the \(CloserRole.list(action.roles)) role (an admin grants it with "
                + "`closer users grant \(login) ROLE`)."
        case .inactive(let login): UserError.inactiveUser(login).description
        case .agentActsAlone(let action):
            "\(CloserUser.agentLogin) works only through the scheduler and webhooks: it cannot \(action.phrase); a person does."
        }
    }
}
