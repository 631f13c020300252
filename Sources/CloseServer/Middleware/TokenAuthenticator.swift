import CloseStore
import Governance
import Hummingbird
import Foundation

/// Finds the user behind a request's bearer token. Unknown, revoked or deactivated tokens are
/// refused with 401 and the store's sentence; a missing one with how to send it.
struct TokenAuthenticator: Sendable {
    var store: AppDatabase

    func user(for request: Request) throws -> CloserUser {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { throw APIError.unauthenticated }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { throw APIError.unauthenticated }
        return try store.user(authenticatedBy: token)
    }
}
