public import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance

/// `closer users`: the people who prepare and approve, their roles and API tokens. The first user
/// added to a store becomes an admin and gets an API token; after that, only a signed-in admin manages users.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Users, roles and API tokens: who may prepare, approve and manage.",
        subcommands: [List.self, Add.self, Grant.self, Revoke.self, Token.self, RevokeToken.self, Password.self, Activate.self, Deactivate.self,
                      Unlock.self],
        defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users with their roles and token prefixes (never a token).")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let users = try common.users(for: nil).list()
            if common.json { return try Output.json(users) }
            for user in users { UserText.print(user) }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a person; the first one added to a store also becomes admin, later ones need an admin to add them.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "Login, as they sign in.") var login: String
        @Option(help: "Full name.") var name: String
        @Option(help: "A role (viewer, preparer, approver, controller, admin); repeat for several.") var role: [CloserRole] = []
        @Option(help: "Their res.users id in Odoo, so activities can be assigned to them.") var odooUser: Int?

        func run() async throws {
            let store = try AppDatabase.openOrCreate(at: try common.resolver().storePath)
            // Nobody can sign in to a store without people yet: whoever adds its first user does so, and that user is its admin.
            let first = try store.users().allSatisfy(\.isAgent)
            let users = UsersService(store: store, actor: first ? ActorIdentity.operatingSystemAccount() : try common.actor(store, for: .administer))
            let user = try users.add(login: login, name: name, roles: Set(role), odooUserID: odooUser)
            // The first user is the store's admin, and nobody could sign in to issue them a credential.
            let token = first ? try UsersService(store: users.store, actor: login).issueToken(login: login) : nil
            if common.json { return try Output.json(AddedUser(user: user, firstToken: token)) }
            Swift.print("added", terminator: " ")
            UserText.print(user)
            if let token {
                Swift.print("\(login) is this store's first user and its admin. Their API token, shown once (export it as CLOSER_TOKEN to act as them):")
                Swift.print(token.token)
            }
        }
    }

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Grant a role (an admin's work).")
        @OptionGroup var role: RoleChange

        func run() async throws { try role.apply(granted: true) }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a role (an admin's work).")
        @OptionGroup var role: RoleChange

        func run() async throws { try role.apply(granted: false) }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue an API token for a user; it is printed once and only its hash is kept (an admin's work).")
        @OptionGroup var user: LoginArgument

        func run() async throws {
            let issued = try user.users.issueToken(login: user.login)
            if user.common.json { return try Output.json(issued) }
            Swift.print(issued.token)
            let notice = "Token \(issued.prefix)… for \(user.login): shown once, copy it now. Revoke with `closer users revoke-token \(issued.prefix)`.\n"
            FileHandle.standardError.write(Data(notice.utf8))
        }
    }

    struct RevokeToken: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke-token", abstract: "Revoke an API token by its prefix (`closer users list` shows them).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The token's prefix.") var prefix: String

        func run() async throws {
            try common.users().revokeToken(prefix: prefix)
            if !common.json { Swift.print("revoked token \(prefix)…") }
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a user's dashboard password (an admin's work), read from CLOSER_NEW_PASSWORD or standard input, never from a flag.",
            discussion: "Only a PBKDF2 hash is stored; setting a new password ends the user's password sessions.")
        @OptionGroup var user: LoginArgument

        func run() async throws {
            let password = try NewPassword.read()
            try user.users.setPassword(password, login: user.login)
            if !user.common.json { Swift.print("password set for \(user.login)") }
        }
    }

    struct Activate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reactivate a deactivated user.")
        @OptionGroup var user: LoginArgument

        func run() async throws { try user.print(user.users.setActive(true, login: user.login)) }
    }

    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift the lock that too many wrong passwords in a row put on a login.")
        @OptionGroup var user: LoginArgument

        func run() async throws {
            try user.users.unlock(login: user.login)
            print("\(user.login) may sign in with a password again.")
        }
    }

    struct Deactivate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Deactivate a user: their approvals and tokens are refused until reactivated.")
        @OptionGroup var user: LoginArgument

        func run() async throws { try user.print(user.users.setActive(false, login: user.login)) }
    }
}

/// The users service and one login, as the commands about one user take them.
struct LoginArgument: ParsableArguments {
    @OptionGroup var common: CommonOptions
    @Argument(help: "Login.") var login: String

    var users: UsersService { get throws { try common.users() } }

    func print(_ user: CloserUser) throws {
        if common.json { return try Output.json(user) }
        UserText.print(user)
    }
}

/// A login and a role, as `grant` and `revoke` take them.
struct RoleChange: ParsableArguments {
    @OptionGroup var user: LoginArgument
    @Argument(help: "viewer, preparer, approver, controller or admin.") var role: CloserRole

    func apply(granted: Bool) throws {
        try user.print(user.users.setRole(role, granted: granted, login: user.login))
    }
}

extension CloserRole: ExpressibleByArgument {}

extension CommonOptions {
    /// Users managed as the signed-in admin (`action` nil: a read, for anyone); the store must exist.
    func users(for action: CloserAction? = .administer) throws -> UsersService {
        let store = try openStore()
        return UsersService(store: store, actor: try actor(store, for: action))
    }
}

/// `users add --json`: the user, and for a store's first user the token they sign in with.
struct AddedUser: Encodable {
    var user: CloserUser
    var firstToken: IssuedToken?

    private enum Key: String, CodingKey { case firstToken }

    func encode(to encoder: any Encoder) throws {
        try user.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(firstToken, forKey: .firstToken)
    }
}

enum UserText {
    static func print(_ user: CloserUser) {
        let roles = user.roles.isEmpty ? "no roles" : user.roles.sorted().map(\.rawValue).joined(separator: ", ")
        let tokens = user.tokens.filter { $0.revokedAt == nil }.map { "\($0.prefix)…" + ($0.lastUsedAt.map { " used \($0)" } ?? "") }
        Swift.print("\(user.login) (\(user.name)\(user.isAgent ? ", agent" : "")\(user.active ? "" : ", DEACTIVATED")): \(roles)"
                    + (user.odooUserID.map { "; Odoo user \($0)" } ?? "") + (tokens.isEmpty ? "" : "; tokens " + tokens.joined(separator: ", ")))
    }
}
