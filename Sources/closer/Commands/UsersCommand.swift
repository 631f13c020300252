public import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance

/// `closer users`: the people who prepare and approve, their roles and API tokens. The first user
/// added to a store becomes an admin; after that, only an admin (CLOSER_ACTOR) manages users.
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
            let users = try common.users().list()
            if common.json { return try Output.json(users) }
            for user in users { UserText.print(user) }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a person; the first one added to a store also becomes admin, later ones need an admin to add them.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "Login, as CLOSER_ACTOR names them.") var login: String
        @Option(help: "Full name.") var name: String
        @Option(help: "A role (viewer, preparer, approver, controller, admin); repeat for several.") var role: [CloserRole] = []
        @Option(help: "Their res.users id in Odoo, so activities can be assigned to them.") var odooUser: Int?

        func run() async throws {
            let user = try common.users(creatingStore: true).add(login: login, name: name, roles: Set(role), odooUserID: odooUser)
            if common.json { return try Output.json(user) }
            Swift.print("added", terminator: " ")
            UserText.print(user)
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
    /// Users managed as CLOSER_ACTOR (else the OS user); only `users add` may create the store.
    func users(creatingStore: Bool = false) throws -> UsersService {
        let path = try resolver().storePath
        return UsersService(store: try creatingStore ? AppDatabase.openOrCreate(at: path) : AppDatabase.open(at: path), actor: ActorIdentity.current())
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
