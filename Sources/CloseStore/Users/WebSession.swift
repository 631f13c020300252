import Foundation
public import Governance

/// A signed-in dashboard user: who they are and the token their forms must carry back.
public struct WebSession: Sendable, Equatable {
    public var user: CloserUser
    /// Put in a hidden field of every form; a POST without it is refused (cross-site request forgery).
    public var csrfToken: String
}

/// A session just started. `id` goes to the browser in a cookie and exists nowhere else: the store
/// keeps only its SHA-256.
public struct StartedWebSession: Sendable {
    public var id: String
    public var session: WebSession
}

/// How a dashboard user proved who they are.
public enum LoginCredential: Sendable {
    case password(login: String, password: String)
    case apiToken(String)

    var method: String {
        switch self {
        case .password: "password"
        case .apiToken: "api-token"
        }
    }
}
