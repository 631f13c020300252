import Crypto
public import Foundation
public import Governance

extension AppDatabase {
    /// The user a password or API token proves, for the dashboard's sign-in and the CLI's. Wrong
    /// passwords are counted and throttled per login (see LoginThrottle); any refusal says only that
    /// it was refused, not whether the login exists.
    public func signIn(_ credential: LoginCredential, at date: Date = Date(), throttle: LoginThrottle = LoginThrottle()) throws -> CloserUser {
        switch credential {
        case .apiToken(let token):
            do { return try user(authenticatedBy: token) } catch is UserError { throw UserError.loginRefused }
        case .password(let login, let password):
            let earlierFailures = try requireLoginAllowed(login, at: date, throttle: throttle)
            let found: (user: CloserUser, hash: PasswordHash?)? = try writer.read { db in
                guard let row = try? Self.userRow(login: login, db) else { return nil }
                return (row.user, try Self.passwordHash(userID: row.id, db))
            }
            // An unknown login costs the same time as a wrong password, so timing does not tell which logins exist.
            let hash = found?.hash ?? Self.unusablePassword
            guard hash.matches(password), let user = found?.user, found?.hash != nil, user.active, !user.isAgent else {
                try recordLoginFailure(login, at: date, throttle: throttle)
                throw UserError.loginRefused
            }
            if earlierFailures { try clearLoginFailures(login) }
            return user
        }
    }

    private static let unusablePassword = PasswordHash.make(RandomToken.hex(bytes: 32))

    /// Records an API token refused (unknown, revoked, its user deactivated) with the address it came
    /// from; the token itself is never written.
    public func recordTokenRefusal(from address: String?, reason: String, failuresInARow: Int, at date: Date = Date()) throws {
        try writer.write { db in
            _ = try Self.appendAudit(NewAuditEvent(actor: "address:" + (address ?? "unknown"), action: "user.token.refused", targets: [],
                                                   payload: AuditPayload(["reason": reason, "failures": String(failuresInARow)]),
                                                   outcome: "refused"),
                                     at: date, in: db)
        }
    }

    /// Records that `actor` was refused `action` (not signed in, a missing role): the attempt is
    /// evidence too. `actor` is who was proven, else who was claimed, prefixed so it can never be
    /// mistaken for a signed-in user.
    public func recordAccessRefusal(actor: String, action: CloserAction, reason: String, at date: Date = Date()) throws {
        try writer.write { db in
            _ = try Self.appendAudit(NewAuditEvent(actor: actor, action: "access.refused", targets: [],
                                                   payload: AuditPayload(["action": action.rawValue, "reason": reason]), outcome: "refused"),
                                     at: date, in: db)
        }
    }
}
