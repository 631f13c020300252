public import CloseStore
public import Governance

/// The one check every surface makes before a person acts: the action's roles (CloserAction), with
/// each refusal written to the audit trail before it is thrown, so an auditor sees attempts too.
public struct AccessGate: Sendable {
    public var store: AppDatabase

    public init(store: AppDatabase) {
        self.store = store
    }

    /// `user` if one of their roles allows `action`; else the refusal, audited.
    @discardableResult
    public func authorize(_ user: CloserUser, to action: CloserAction) throws -> CloserUser {
        guard let refusal = action.refusal(for: user) else { return user }
        try refuse(refusal, actor: user.login, action: action)
    }

    /// Records a refusal of someone not proven (`actor` names who they are as far as known, e.g.
    /// the operating-system account) and throws it.
    public func refuse(_ refusal: AccessRefusal, actor: String, action: CloserAction) throws -> Never {
        try store.recordAccessRefusal(actor: actor, action: action, reason: refusal.description)
        throw refusal
    }
}
