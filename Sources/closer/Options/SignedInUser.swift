import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance

/// Who a command acts as. Preparing, deciding, writing to Odoo, rolling back, locking and managing
/// users need a proven Closer user — the personal API token in CLOSER_TOKEN, or the password typed
/// at a terminal for the login CLOSER_ACTOR names (else the OS user) — and a role for the action,
/// checked like the API checks it. A name alone proves nothing. Work that decides nothing (pull,
/// check, package) is recorded as the token's user when one is given, else as the OS account.
struct SignedInUser {
    var environment = ProcessInfo.processInfo.environment

    /// The login CLOSER_ACTOR names: whose password to ask for, and whose to-do list to show.
    var claimedLogin: String? { environment["CLOSER_ACTOR"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The signed-in user's login, once their role allows `action`; every refusal is audited.
    func login(_ store: AppDatabase, to action: CloserAction) throws -> String {
        try user(store, to: action).login
    }

    /// The signed-in user, once their role allows `action` (for work that weighs their roles further).
    func user(_ store: AppDatabase, to action: CloserAction) throws -> CloserUser {
        let gate = AccessGate(store: store)
        let proven: CloserUser?
        do { proven = try provenUser(store, action: action) } catch let error as UserError {
            // A wrong, revoked or locked-out credential: its own sentence says what to do.
            try store.recordAccessRefusal(actor: unproven, action: action, reason: error.description)
            throw error
        }
        guard let user = proven else {
            try gate.refuse(.notSignedIn(action: action, claimed: claimedLogin), actor: unproven, action: action)
        }
        return try gate.authorize(user, to: action)
    }

    /// Who the audit trail names for work that decides nothing: the token's user if one is given.
    func recordedActor(_ store: AppDatabase) throws -> String {
        guard let token = environment["CLOSER_TOKEN"] else { return ActorIdentity.operatingSystemAccount(environment: environment) }
        return try user(token: token, store: store).login
    }

    /// Whose to-do list to show when none is named: CLOSER_ACTOR's (a read needs no proof), the
    /// token's user, else the Closer user named like the OS account.
    func listOwner(_ store: AppDatabase) throws -> String {
        if let claimedLogin { return claimedLogin }
        if let token = environment["CLOSER_TOKEN"] { return try user(token: token, store: store).login }
        return ActorIdentity.operatingSystemLogin(environment: environment)
    }

    /// The user the token or the typed password proves, or nil when neither can be had.
    private func provenUser(_ store: AppDatabase, action: CloserAction) throws -> CloserUser? {
        if let token = environment["CLOSER_TOKEN"] {
            let user = try user(token: token, store: store)
            if let claimed = claimedLogin, claimed != user.login {
                try AccessGate(store: store).refuse(.tokenOfAnotherUser(claimed: claimed, tokenOwner: user.login), actor: user.login, action: action)
            }
            return user
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDERR_FILENO) == 1 else { return nil }
        let login = claimedLogin ?? ActorIdentity.operatingSystemLogin(environment: environment)
        guard let typed = getpass("Closer password for \(login): ") else { return nil }
        return try store.signIn(.password(login: login, password: String(cString: typed)))
    }

    private func user(token: String, store: AppDatabase) throws -> CloserUser {
        try store.user(authenticatedBy: token)
    }

    /// The OS account, with the login it claimed to be, for refusals of someone not proven.
    private var unproven: String {
        ActorIdentity.operatingSystemAccount(environment: environment) + (claimedLogin.map { " claiming \($0)" } ?? "")
    }
}

extension CommonOptions {
    /// The login a command acts as: signed in with a role for `action`, or, for work that decides
    /// nothing (`action` nil), the recorded actor.
    func actor(_ store: AppDatabase, for action: CloserAction?) throws -> String {
        let identity = SignedInUser()
        return try action.map { try identity.login(store, to: $0) } ?? identity.recordedActor(store)
    }
}
