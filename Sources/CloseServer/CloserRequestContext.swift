public import Governance
import Foundation
public import Hummingbird
import NIOCore

/// What a request carries through the server: Hummingbird's core (logger with the request id,
/// route parameters) and the user it was authenticated as, once it was.
public struct CloserRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Shared by every copy of the context, so the access log (outside the route) sees who the
    /// route authenticated.
    let authenticated = AuthenticatedUser()

    /// The client's IP address, for counting failed sign-ins per address; nil on a Unix socket.
    public let remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    public var user: CloserUser? {
        get { authenticated.user }
        nonmutating set { authenticated.user = newValue }
    }

    /// The authenticated user's login, the actor every change is recorded under.
    var actor: String {
        get throws {
            guard let user else { throw APIError.unauthenticated }
            return user.login
        }
    }
}

/// The user a request was authenticated as, set once by the route and read by the access log.
final class AuthenticatedUser: @unchecked Sendable {
    private let lock = NSLock()
    private var value: CloserUser?

    var user: CloserUser? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
