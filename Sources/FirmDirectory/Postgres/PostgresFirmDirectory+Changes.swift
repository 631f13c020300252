import Crypto
import Foundation
public import Governance
import JobQueue
import PostgresAccess
import PostgresNIO

/// Every change to the directory, each in one transaction with its line in the history (`FirmDirectoryEvent`),
/// so who had which role in which tenant, and since when, can be told after a grant is gone.
extension PostgresFirmDirectory {
    public func addMember(login: String, name: String, by actor: String) async throws {
        guard CloserUser.isUsableLogin(login) else { throw FirmDirectoryError.invalidLogin(login) }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw FirmDirectoryError.invalidConfiguration("Give \(login) a name (--name \"Anna Berg\"): it is what the console and the history show.")
        }
        try await change(login: login) { connection in
            try await connection.query("INSERT INTO \(unescaped: schema).firm_members (login, name, added_by) VALUES (\(login), \(name), \(actor))", logger: logger)
            try await record(.memberAdded, login: login, by: actor, on: connection)
        }
    }

    /// Gives `login` `role` in `tenant`; giving it again changes nothing and records nothing.
    public func grant(login: String, tenant: String, role: CloserRole, by actor: String) async throws {
        try await change(login: login) { connection in
            let inserted = try await connection.query("""
                INSERT INTO \(unescaped: schema).firm_grants (login, tenant, role, granted_by) VALUES (\(login), \(tenant), \(role.rawValue), \(actor))
                ON CONFLICT DO NOTHING RETURNING role
                """, logger: logger).collect()
            if !inserted.isEmpty { try await record(.roleGranted, login: login, tenant: tenant, role: role, by: actor, on: connection) }
        }
    }

    /// Takes `role` in `tenant` from `login`, or every role there when `role` is nil; returns how many were taken.
    @discardableResult
    public func revoke(login: String, tenant: String, role: CloserRole?, by actor: String) async throws -> Int {
        _ = try await member(login)
        return try await change(login: login) { connection in
            let taken = try await connection.query("""
                DELETE FROM \(unescaped: schema).firm_grants WHERE login = \(login) AND tenant = \(tenant) AND (\(role?.rawValue)::text IS NULL OR role = \(role?.rawValue))
                RETURNING role
                """, logger: logger).collect().map { try $0.decode(String.self) }
            for role in taken.compactMap(CloserRole.init(rawValue:)) {
                try await record(.roleRevoked, login: login, tenant: tenant, role: role, by: actor, on: connection)
            }
            return taken.count
        }
    }

    /// Deactivates (or reactivates) a member: a deactivated member's tokens are refused.
    public func setActive(login: String, _ active: Bool, by actor: String) async throws {
        try await change(login: login) { connection in
            let rows = try await connection.query("UPDATE \(unescaped: schema).firm_members SET active = \(active) WHERE login = \(login) RETURNING login",
                                                  logger: logger).collect()
            guard rows.count == 1 else { throw FirmDirectoryError.unknownMember(login) }
            try await record(active ? .memberActivated : .memberDeactivated, login: login, by: actor, on: connection)
        }
    }

    /// Issues a console token for `login`: show it once; only its SHA-256 and its first 12 characters are kept.
    public func issueToken(login: String, by actor: String) async throws -> IssuedToken {
        let token = "clf_" + RandomToken.hex(bytes: 32)
        let prefix = String(token.prefix(12))
        try await change(login: login) { connection in
            try await connection.query("""
                INSERT INTO \(unescaped: schema).firm_tokens (prefix, login, token_sha256, issued_by) VALUES (\(prefix), \(login), \(SHA256.hex(token)), \(actor))
                """, logger: logger)
            try await record(.tokenIssued, login: login, tokenPrefix: prefix, by: actor, on: connection)
        }
        return IssuedToken(login: login, prefix: prefix, token: token)
    }

    public func revokeToken(prefix: String, by actor: String) async throws {
        try await change { connection in
            let rows = try await connection.query("""
                UPDATE \(unescaped: schema).firm_tokens SET revoked_at = now() WHERE prefix = \(prefix) AND revoked_at IS NULL RETURNING login
                """, logger: logger).collect()
            guard let login = try rows.first?.decode(String.self) else { throw FirmDirectoryError.unknownToken }
            try await record(.tokenRevoked, login: login, tokenPrefix: prefix, by: actor, on: connection)
        }
    }

    /// The directory's history, oldest first; only `login`'s when given.
    public func history(login: String? = nil) async throws -> [FirmDirectoryEvent] {
        try await mapped {
            let rows = try await client.query("""
                SELECT at, actor, action, login, tenant, role, token_prefix FROM \(unescaped: schema).firm_directory_history
                WHERE \(login)::text IS NULL OR login = \(login) ORDER BY id
                """, logger: logger)
            var events: [FirmDirectoryEvent] = []
            for try await (at, actor, action, login, tenant, role, prefix) in rows.decode((Date, String, String, String, String?, String?, String?).self) {
                guard let action = FirmDirectoryEvent.Action(rawValue: action) else { continue }
                events.append(FirmDirectoryEvent(at: at, actor: actor, action: action, login: login, tenant: tenant,
                                                 role: role.flatMap(CloserRole.init(rawValue:)), tokenPrefix: prefix))
            }
            return events
        }
    }

    private func change<Result: Sendable>(login: String? = nil, _ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await mapped(login: login) { try await client.transaction(logger: logger, body) }
    }

    private func record(_ action: FirmDirectoryEvent.Action, login: String, tenant: String? = nil, role: CloserRole? = nil, tokenPrefix: String? = nil,
                        by actor: String, on connection: PostgresConnection) async throws {
        try await connection.query("""
            INSERT INTO \(unescaped: schema).firm_directory_history (actor, action, login, tenant, role, token_prefix)
            VALUES (\(actor), \(action.rawValue), \(login), \(tenant), \(role?.rawValue), \(tokenPrefix))
            """, logger: logger)
    }
}
