import Governance

/// Who may call an endpoint. Checked before the handler runs, so a refused request changes nothing.
enum Access: Sendable, Hashable {
    /// Probes and documents any client may read: /health, /ready, /metrics, /openapi.json.
    case open
    /// Callers prove a shared secret instead of a user token (Odoo's webhooks); the handler verifies it.
    case sharedSecret
    /// Any active user holding one of these roles (every role reads).
    case roles(Set<CloserRole>)

    static let reader = Access.roles(Set(CloserRole.allCases))
    static let preparer = Access.roles([.preparer, .controller])
    static let approver = Access.roles(Set(CloserRole.approving))
    static let controller = Access.roles([.controller])
    /// Those who take part in the close itself: sign off checklist tasks, ask for the lock.
    static let participant = Access.roles([.preparer, .approver, .controller])
    static let admin = Access.roles([.admin])

    /// The roles the OpenAPI document lists for the endpoint; empty when no token is needed.
    var roles: Set<CloserRole> {
        if case .roles(let roles) = self { return roles }
        return []
    }

    /// Refuses a user who holds none of the roles; the approval policy still weighs the roles of
    /// whoever passes, so this only keeps out those who could never succeed.
    func authorize(_ user: CloserUser) throws {
        guard case .roles(let needed) = self else { return }
        guard !user.roles.isDisjoint(with: needed) else { throw APIError.forbidden(user.login, needs: needed) }
    }
}
