public import Foundation
public import Governance

/// One change to the firm directory, as its history keeps it: who did what to whose access, and when.
public struct FirmDirectoryEvent: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Codable {
        case memberAdded = "member.added"
        case memberActivated = "member.activated"
        case memberDeactivated = "member.deactivated"
        case roleGranted = "role.granted"
        case roleRevoked = "role.revoked"
        case tokenIssued = "token.issued"
        case tokenRevoked = "token.revoked"
    }

    public var at: Date
    public var actor: String
    public var action: Action
    public var login: String
    public var tenant: String?
    public var role: CloserRole?
    public var tokenPrefix: String?

    public init(at: Date, actor: String, action: Action, login: String, tenant: String? = nil, role: CloserRole? = nil, tokenPrefix: String? = nil) {
        self.at = at
        self.actor = actor
        self.action = action
        self.login = login
        self.tenant = tenant
        self.role = role
        self.tokenPrefix = tokenPrefix
    }
}
