public import CloseStore
public import Governance

/// `closer users`: the people who prepare and approve, their roles, API tokens and dashboard passwords.
/// Every change is made as `actor` and audited. The store checks that the actor is an active admin in
/// the same transaction as the change (the first person added to an empty store excepted: they become
/// admin), so an admin deactivated meanwhile cannot slip a change through.
public struct UsersService: Sendable {
    public var store: AppDatabase
    public var actor: String

    public init(store: AppDatabase, actor: String) {
        self.store = store
        self.actor = actor
    }

    /// Every user with their roles and token prefixes (never a token).
    public func list() throws -> [CloserUser] { try store.users() }

    public func add(login: String, name: String, roles: Set<CloserRole>, odooUserID: Int?) throws -> CloserUser {
        try store.addUser(login: login, name: name, roles: roles, odooUserID: odooUserID, actor: actor)
    }

    /// Grants (or revokes) a role; granting one held already changes nothing.
    public func setRole(_ role: CloserRole, granted: Bool, login: String) throws -> CloserUser {
        try store.setRole(role, granted: granted, login: login, actor: actor)
    }

    /// A deactivated user's approvals and tokens are refused until they are reactivated.
    public func setActive(_ active: Bool, login: String) throws -> CloserUser {
        try store.setUserActive(active, login: login, actor: actor)
    }

    /// The token is in the returned value only: the store keeps its hash and prefix.
    public func issueToken(login: String) throws -> IssuedToken {
        try store.issueToken(login: login, actor: actor)
    }

    public func revokeToken(prefix: String) throws {
        try store.revokeToken(prefix: prefix, actor: actor)
    }

    /// Ends the user's password sessions; only a PBKDF2 hash is kept.
    public func setPassword(_ password: String, login: String) throws {
        try store.setPassword(password, login: login, actor: actor)
    }

    /// Lifts the lock that too many wrong passwords put on a login.
    public func unlock(login: String) throws {
        try store.unlockLogin(login, actor: actor)
    }
}
