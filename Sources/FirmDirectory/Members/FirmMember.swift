public import Governance

/// A person of the firm as the firm directory knows them: their roles in each client database. A tenant
/// missing from `roles` is one they may not see at all: the console answers 404 for it, as for no tenant.
public struct FirmMember: Sendable, Hashable, Codable {
    public var login: String
    public var name: String
    public var active: Bool
    /// Roles by tenant id.
    public var roles: [String: Set<CloserRole>]

    public init(login: String, name: String, active: Bool, roles: [String: Set<CloserRole>]) {
        self.login = login
        self.name = name
        self.active = active
        self.roles = roles
    }

    public func roles(in tenant: String) -> Set<CloserRole> { roles[tenant] ?? [] }

    public func sees(_ tenant: String) -> Bool { !roles(in: tenant).isEmpty }
}
