public import Foundation

/// Why the firm directory refused or could not act, in sentences that say what to do.
public enum FirmDirectoryError: Error, Equatable, LocalizedError {
    case invalidLogin(String)
    case duplicateMember(String)
    case unknownMember(String)
    case unknownToken
    case revokedToken(prefix: String)
    case inactiveMember(String)
    case invalidConfiguration(String)
    /// The directory was migrated by a newer Closer.
    case newerSchema(schema: String, unknown: [String])
    /// The database failed; its message, without connection secrets.
    case unavailable(String)

    public var errorDescription: String? {
        switch self {
        case .invalidLogin(let login):
            "'\(login)' is not a usable login: use letters, digits, '.', '_', '-' or '@' (at most 64), starting with a letter or digit."
        case .duplicateMember(let login): "There is already a member '\(login)': `closer firm-users grant \(login) TENANT ROLE` adds a role."
        case .unknownMember(let login): "There is no member '\(login)' in the firm directory: add them with `closer firm-users add \(login) --name NAME`."
        case .unknownToken: "That token is not known to the firm directory: ask for one with `closer firm-users token LOGIN`."
        case .revokedToken(let prefix): "Token \(prefix)… was revoked: ask for a new one with `closer firm-users token LOGIN`."
        case .inactiveMember(let login): "'\(login)' is deactivated in the firm directory: `closer firm-users activate \(login)` restores them."
        case .invalidConfiguration(let text): text
        case .newerSchema(let schema, let unknown):
            "The firm directory in schema \(schema) was migrated by a newer Closer (\(unknown.joined(separator: ", "))): upgrade this Closer before using it."
        case .unavailable(let text):
            "The firm directory's database could not be used (\(text)): check that PostgreSQL is running and the URL is right, then retry."
        }
    }
}
