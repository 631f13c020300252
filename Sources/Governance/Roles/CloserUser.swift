import Foundation


/// A person or the agent, as Closer knows them: who acts in the audit trail and whose roles the
/// approval policy weighs.
public struct CloserUser: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable {
        case human, agent
    }

    /// The login Closer itself acts as when it drafts or applies on its own (scheduler, autonomous mode).
    public static let agentLogin = "closer-agent"

    public var login: String
    public var name: String
    public var kind: Kind
    public var active: Bool
    public var roles: Set<CloserRole>
    /// The matching res.users id in Odoo, so activities can be assigned to this person there.
    public var odooUserID: Int?
    /// The user's API tokens, by prefix only: the tokens themselves are never stored.
    public var tokens: [TokenSummary] = []

    public init(login: String, name: String, kind: Kind, active: Bool, roles: Set<CloserRole>, odooUserID: Int? = nil, tokens: [TokenSummary] = []) {
        self.login = login
        self.name = name
        self.kind = kind
        self.active = active
        self.roles = roles
        self.odooUserID = odooUserID
        self.tokens = tokens
    }

    public var isAgent: Bool { kind == .agent }

    /// Letters, digits, '.', '_', '-' or '@', at most 64, starting with a letter or digit (`UserError.invalidLogin` says so).
    public static func isUsableLogin(_ login: String) -> Bool {
        guard let first = login.unicodeScalars.first, login.count <= 64, CharacterSet.alphanumerics.contains(first) else { return false }
        return login.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-@".unicodeScalars.contains($0) }
    }
}

/// What the store knows about an API token: enough to recognise and revoke it, never the token.
public struct TokenSummary: Sendable, Codable, Hashable {
    public var prefix: String
    public var createdAt: String
    public var lastUsedAt: String?
    public var revokedAt: String?

    public init(prefix: String, createdAt: String, lastUsedAt: String? = nil, revokedAt: String? = nil) {
        self.prefix = prefix
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}

/// A newly issued API token. `token` exists only in this value: show it once, then drop it.
public struct IssuedToken: Sendable, Codable {
    public var login: String
    public var prefix: String
    public var token: String

    public init(login: String, prefix: String, token: String) {
        self.login = login
        self.prefix = prefix
        self.token = token
    }
}
