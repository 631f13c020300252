public import Foundation
public import Governance
import Crypto
import JobQueue
public import Logging
import PostgresAccess
public import PostgresNIO

/// The firm directory on PostgreSQL: the firm's people, their tokens for the firm console (only a SHA-256 and a
/// prefix are kept) and their roles per tenant. It lives beside the job queue, in the same schema by default,
/// so every machine of the firm sees the same people. Changes record who made them.
public struct PostgresFirmDirectory: Sendable {
    let client: PostgresClient
    public let schema: String
    let logger: Logger

    /// Opens the directory in `schema` (created when missing) and brings its tables to this version.
    public static func open(client: PostgresClient, schema: String, logger: Logger = Logger(label: "closer.firm-directory")) async throws -> PostgresFirmDirectory {
        guard PostgresMigration.isPlainName(schema) else {
            throw FirmDirectoryError.invalidConfiguration("The firm directory's schema \"\(schema)\" is not a plain PostgreSQL name: use lower-case letters, digits and underscores.")
        }
        let directory = PostgresFirmDirectory(client: client, schema: schema, logger: logger)
        try await directory.mapped {
            try await PostgresMigration.apply(migrations(schema: schema), schema: schema, history: "firm_directory_migrations", client: client,
                                              logger: logger) { FirmDirectoryError.newerSchema(schema: schema, unknown: $0) }
        }
        return directory
    }

    /// The active member a token belongs to, with their roles. Unknown, revoked or deactivated: refused.
    public func member(authenticatedBy token: String) async throws -> FirmMember {
        try await mapped {
            let rows = try await client.query("""
                SELECT t.prefix, t.revoked_at IS NOT NULL, m.login, m.active FROM \(unescaped: schema).firm_tokens t
                JOIN \(unescaped: schema).firm_members m ON m.login = t.login WHERE t.token_sha256 = \(SHA256.hex(token))
                """, logger: logger).collect()
            guard let row = rows.first else { throw FirmDirectoryError.unknownToken }
            let (prefix, revoked, login, active) = try row.decode((String, Bool, String, Bool).self)
            guard !revoked else { throw FirmDirectoryError.revokedToken(prefix: prefix) }
            guard active else { throw FirmDirectoryError.inactiveMember(login) }
            return try await member(login)
        }
    }

    /// One member with their roles per tenant.
    public func member(_ login: String) async throws -> FirmMember {
        guard let found = try await members(only: login).first else { throw FirmDirectoryError.unknownMember(login) }
        return found
    }

    /// Every member, by login.
    public func members() async throws -> [FirmMember] { try await members(only: nil) }

    private func members(only login: String?) async throws -> [FirmMember] {
        try await mapped {
            let rows = try await client.query("""
                SELECT m.login, m.name, m.active, g.tenant, g.role FROM \(unescaped: schema).firm_members m
                LEFT JOIN \(unescaped: schema).firm_grants g ON g.login = m.login
                WHERE \(login)::text IS NULL OR m.login = \(login) ORDER BY m.login
                """, logger: logger)
            var members: [FirmMember] = []
            for try await (login, name, active, tenant, role) in rows.decode((String, String, Bool, String?, String?).self) {
                if members.last?.login != login { members.append(FirmMember(login: login, name: name, active: active, roles: [:])) }
                if let tenant, let role = role.flatMap(CloserRole.init(rawValue:)) { members[members.count - 1].roles[tenant, default: []].insert(role) }
            }
            return members
        }
    }

    /// Opens `tenant`'s PostgreSQL role (`TenantRowSecurity`) on the directory's grants, granted to `member` when given.
    public func openTenantRole(_ tenant: String, member: String? = nil) async throws -> String {
        try await mapped {
            try await TenantRowSecurity.openRole(schema: schema, tenant: tenant, tables: ["\(schema).firm_grants", "\(schema).firm_directory_history"], member: member, client: client, logger: logger)
        }
    }

    /// PostgreSQL's errors as the directory's: a login already taken or not there by its SQL state, the rest as
    /// `unavailable` with the server's message and no connection secrets.
    @discardableResult
    func mapped<Result>(login: String? = nil, _ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as FirmDirectoryError {
            throw error
        } catch let error as JobQueueError {
            throw FirmDirectoryError.invalidConfiguration(error.localizedDescription)
        } catch let error as PSQLError {
            switch (error.serverInfo?[.sqlState], login) {
            case ("23505", let login?): throw FirmDirectoryError.duplicateMember(login)
            case ("23503", let login?): throw FirmDirectoryError.unknownMember(login)
            default: throw FirmDirectoryError.unavailable(error.serverInfo?[.message] ?? "\(error.code)")
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw FirmDirectoryError.unavailable("\(error)")
        }
    }
}
