import CloseStore
import CloseWorkflows
import Governance

/// Who may call an endpoint. Checked before the handler runs, so a refused request changes nothing.
enum Access: Sendable, Hashable {
    /// Probes and documents any client may read: /health, /ready, /openapi.json.
    case open
    /// Callers prove a shared secret instead of a user token (Odoo's webhooks); the handler verifies it.
    case sharedSecret
    /// Any active user: every role reads.
    case reader
    /// A user whose role allows the action, by the same table the CLI checks (CloserAction).
    case action(CloserAction)

    static let approver = Access.action(.decide)
    static let admin = Access.action(.administer)

    /// The roles the OpenAPI document lists for the endpoint; empty when no token is needed.
    var roles: Set<CloserRole> {
        switch self {
        case .open, .sharedSecret: []
        case .reader: Set(CloserRole.allCases)
        case .action(let action): action.roles
        }
    }

    var needsUser: Bool { !roles.isEmpty }

    /// Refuses, and audits the refusal, a user whose roles do not allow the action; the approval
    /// policy still weighs the roles of whoever passes, so this only keeps out those who could never succeed.
    func authorize(_ user: CloserUser, store: AppDatabase) throws {
        guard case .action(let action) = self else { return }
        try AccessGate(store: store).authorize(user, to: action)
    }
}
