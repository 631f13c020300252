import ArgumentParser
import CloseSettings
import FirmDirectory
import Foundation
import Governance
import JobQueue

/// `closer firm-users`: the firm's people in the firm directory, their roles per tenant and their console tokens,
/// and each tenant's PostgreSQL role for direct SQL. Whoever can reach the firm's PostgreSQL manages them; every
/// change records their operating-system account.
struct FirmUsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firm-users", abstract: "The firm's people: their roles in each tenant, console tokens, and tenants' PostgreSQL roles.",
        subcommands: [List.self, Add.self, Grant.self, Revoke.self, Token.self, RevokeToken.self, Activate.self, Deactivate.self, History.self, SQLRole.self],
        defaultSubcommand: List.self)

    static var actor: String { ActorIdentity.operatingSystemAccount() }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the members with their roles per tenant (never a token).")
        @OptionGroup var firm: FirmOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let members = try await firm.withDirectory { try await $0.members() }
            if json { return try Output.json(members) }
            for member in members {
                let roles = member.roles.keys.sorted().map { "\($0): \(CloserRole.list(member.roles[$0] ?? [], joiner: "and"))" }
                print("\(member.login) (\(member.name))\(member.active ? "" : " [deactivated]") — \(roles.isEmpty ? "no tenant" : roles.joined(separator: "; "))")
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a member, with roles in tenants, and print their console token once.")
        @OptionGroup var firm: FirmOptions
        @Argument(help: "Login.") var login: String
        @Option(help: "Full name.") var name: String
        @Option(help: "TENANT:ROLE, e.g. acme:controller; repeat for several.") var grant: [String] = []

        func run() async throws {
            let grants = try grant.map(TenantRole.init(parsing:))
            try TenantRole.checkTenants(grants.map(\.tenant), in: firm)
            let token = try await firm.withDirectory { directory in
                try await directory.addMember(login: login, name: name, by: FirmUsersCommand.actor)
                for grant in grants { try await directory.grant(login: login, tenant: grant.tenant, role: grant.role, by: FirmUsersCommand.actor) }
                return try await directory.issueToken(login: login, by: FirmUsersCommand.actor)
            }
            print(token.token)
            FileHandle.standardError.write(Data("Added \(login); their console token \(token.prefix)… is shown once: copy it now.\n".utf8))
        }
    }

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a member a role in a tenant.")
        @OptionGroup var firm: FirmOptions
        @Argument(help: "Login.") var login: String
        @Argument(help: "Tenant id, as the tenants file names it.") var tenant: String
        @Argument(help: "viewer, preparer, approver, controller or admin.") var role: CloserRole

        func run() async throws {
            try TenantRole.checkTenants([tenant], in: firm)
            try await firm.withDirectory { try await $0.grant(login: login, tenant: tenant, role: role, by: FirmUsersCommand.actor) }
            print("\(login) is \(role.rawValue) in \(tenant)")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a member's role in a tenant (every role there when none is named).")
        @OptionGroup var firm: FirmOptions
        @Argument(help: "Login.") var login: String
        @Argument(help: "Tenant id.") var tenant: String
        @Argument(help: "The role to take; all of them when left out.") var role: CloserRole?

        func run() async throws {
            let taken = try await firm.withDirectory { try await $0.revoke(login: login, tenant: tenant, role: role, by: FirmUsersCommand.actor) }
            print("\(taken) role\(taken == 1 ? "" : "s") of \(login) in \(tenant) taken")
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a console token for a member; printed once, only its hash is kept.")
        @OptionGroup var firm: FirmOptions
        @Argument(help: "Login.") var login: String

        func run() async throws {
            let token = try await firm.withDirectory { try await $0.issueToken(login: login, by: FirmUsersCommand.actor) }
            print(token.token)
            FileHandle.standardError.write(Data("Token \(token.prefix)… for \(login): shown once. Revoke with `closer firm-users revoke-token \(token.prefix)`.\n".utf8))
        }
    }

    struct RevokeToken: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke-token", abstract: "Revoke a console token by its prefix.")
        @OptionGroup var firm: FirmOptions
        @Argument(help: "The token's first 12 characters.") var prefix: String

        func run() async throws {
            try await firm.withDirectory { try await $0.revokeToken(prefix: prefix, by: FirmUsersCommand.actor) }
            print("token \(prefix)… revoked")
        }
    }

    struct Activate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reactivate a member.")
        @OptionGroup var member: MemberActivation

        func run() async throws { try await member.apply(active: true) }
    }

    struct Deactivate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Deactivate a member: their tokens are refused until reactivated.")
        @OptionGroup var member: MemberActivation

        func run() async throws { try await member.apply(active: false) }
    }

    /// What `activate` and `deactivate` take.
    struct MemberActivation: ParsableArguments {
        @OptionGroup var firm: FirmOptions
        @Argument(help: "Login.") var login: String

        func apply(active: Bool) async throws {
            try await firm.withDirectory { try await $0.setActive(login: login, active, by: FirmUsersCommand.actor) }
            print("\(login) is \(active ? "active" : "deactivated")")
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Who added, granted, revoked, issued or deactivated what, and when; one member's when named.")
        @OptionGroup var firm: FirmOptions
        @Argument(help: "Only this login's history.") var login: String?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let events = try await firm.withDirectory { try await $0.history(login: login) }
            if json { return try Output.json(events) }
            let time = ISO8601DateFormatter()
            for event in events {
                let what = [event.tenant.map { "in \($0)" }, event.role.map(\.rawValue), event.tokenPrefix.map { "token \($0)…" }].compactMap { $0 }
                print("\(time.string(from: event.at))  \(event.actor): \(event.action.rawValue) \(event.login)\(what.isEmpty ? "" : " " + what.joined(separator: " "))")
            }
        }
    }

    struct SQLRole: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sql-role",
            abstract: "Create a tenant's PostgreSQL role, which reads that tenant's rows of the firm's tables and no other's (needs CREATEROLE).")
        @OptionGroup var firm: FirmOptions
        @Argument(help: "Tenant id.") var tenant: String
        @Option(help: "A PostgreSQL role (a person's or a reporting tool's login) to grant it to.") var member: String?

        func run() async throws {
            try TenantRole.checkTenants([tenant], in: firm)
            let role = try await firm.withFirm { queue, directory in
                _ = try await queue.openTenantRole(tenant, member: member)
                return try await directory.openTenantRole(tenant, member: member)
            }
            print("\"\(role)\" reads \(tenant)'s rows only\(member.map { "; granted to \($0)" } ?? ""). Grant it to a login with GRANT \"\(role)\" TO LOGIN;")
        }
    }
}

/// "acme:controller", as `--grant` takes it.
struct TenantRole {
    var tenant: String
    var role: CloserRole

    init(parsing text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let role = CloserRole(rawValue: parts[1]) else {
            throw ValidationError("--grant \(text): write TENANT:ROLE, the role one of \(CloserRole.list(CloserRole.allCases)) (e.g. acme:controller).")
        }
        self.tenant = parts[0]
        self.role = role
    }

    /// A grant in a tenant the tenants file does not list is a typo: refused before anything is written.
    static func checkTenants(_ tenants: [String], in firm: FirmOptions) throws {
        let file = try firm.tenantsFile()
        for tenant in tenants { _ = try file.tenant(tenant) }
    }
}
