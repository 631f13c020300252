/// A person as Odoo knows them (a `res.users` record), with the duties their groups give them and, where a Closer
/// user carries this Odoo user, the Closer login.
public struct DutyPerson: Sendable, Codable, Hashable {
    public var odooUserID: Int
    public var login: String
    public var name: String
    public var active: Bool
    /// In Odoo's Settings group (`base.group_system`): may give themselves any right, so every duty is theirs.
    public var isAdministrator: Bool
    public var grants: [DutyGrant]
    public var closerLogin: String?

    public init(odooUserID: Int, login: String, name: String, active: Bool, isAdministrator: Bool, grants: [DutyGrant], closerLogin: String? = nil) {
        self.odooUserID = odooUserID
        self.login = login
        self.name = name
        self.active = active
        self.isAdministrator = isAdministrator
        self.grants = grants
        self.closerLogin = closerLogin
    }

    /// "Ann Lee (ann)".
    public var label: String { "\(name) (\(login))" }

    public var duties: Set<VendorDuty> { Set(grants.map(\.duty)) }

    public func grant(_ duty: VendorDuty) -> DutyGrant? { grants.first { $0.duty == duty } }

    /// Adds a duty (or more of what grants it).
    public mutating func add(_ duty: VendorDuty, grantedBy: [String]) {
        if let index = grants.firstIndex(where: { $0.duty == duty }) {
            grants[index].grantedBy = Array(Set(grants[index].grantedBy + grantedBy)).sorted()
        } else {
            grants.append(DutyGrant(duty: duty, grantedBy: grantedBy.sorted()))
            grants.sort { $0.duty < $1.duty }
        }
    }
}

/// A duty a person holds and what gives it to them: the Odoo groups they are in (by name) or a Closer role.
public struct DutyGrant: Sendable, Codable, Hashable {
    public var duty: VendorDuty
    public var grantedBy: [String]

    public init(duty: VendorDuty, grantedBy: [String]) {
        self.duty = duty
        self.grantedBy = grantedBy
    }
}
