/// Why a user could not be resolved or managed, saying what to do about it.
public enum UserError: Error, CustomStringConvertible, Equatable {
    case unknownUser(String)
    case duplicateLogin(String)
    case invalidLogin(String)
    case adminRequired(actor: String)
    case agentIsFixed
    case unknownToken
    case revokedToken(prefix: String)
    case inactiveUser(String)
    case loginRefused
    case weakPassword(minimumLength: Int)
    case loginWait(seconds: Int)
    case accountLocked(String)

    public var description: String {
        switch self {
        case .unknownUser(let login):
            "'\(login)' is not a Closer user: add them with `closer users add \(login) --name … --role …` (an admin runs it), "
                + "or act as a known user with CLOSER_ACTOR."
        case .duplicateLogin(let login): "There is already a user '\(login)': `closer users grant \(login) ROLE` adds a role."
        case .invalidLogin(let login):
            "'\(login)' is not a usable login: use letters, digits, '.', '_', '-' or '@' (at most 64), starting with a letter or digit."
        case .adminRequired(let actor):
            "Managing users needs an admin, and '\(actor)' is not one: run it as an admin (CLOSER_ACTOR=LOGIN), "
                + "or ask one to `closer users grant \(actor) admin`."
        case .agentIsFixed: "The agent user \(CloserUser.agentLogin) is built in: its roles and tokens cannot be changed, and it never approves."
        case .unknownToken: "That API token is not known to this store: ask an admin for one with `closer users token LOGIN`."
        case .revokedToken(let prefix): "API token \(prefix)… was revoked: ask an admin for a new one with `closer users token LOGIN`."
        case .inactiveUser(let login): "'\(login)' is deactivated: an admin reactivates them with `closer users activate \(login)`."
        case .loginRefused: "Wrong login or password (or unknown API token): try again, or ask an admin to set one with `closer users password LOGIN`."
        case .loginWait(let seconds):
            "Too many wrong passwords in a row: try again in \(seconds) s (each further wrong one doubles the wait)."
        case .accountLocked(let login):
            "'\(login)' is locked after too many wrong passwords in a row: an admin lifts the lock with `closer users unlock \(login)`."
        case .weakPassword(let length): "A dashboard password needs at least \(length) characters: a short phrase is easy to remember and hard to guess."
        }
    }
}
