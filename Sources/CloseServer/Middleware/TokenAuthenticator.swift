import CloseStore
import Governance
import Hummingbird
import Foundation

/// Finds the user behind a request's bearer token. Unknown, revoked or deactivated tokens are
/// refused with 401 and the store's sentence, audited with the caller's address and counted against
/// it: an address that keeps guessing waits longer and longer before its tokens are even looked up.
struct TokenAuthenticator: Sendable {
    var store: AppDatabase
    var throttle: AddressThrottle

    func user(for request: Request, context: CloserRequestContext) throws -> CloserUser {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { throw APIError.unauthenticated }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { throw APIError.unauthenticated }
        if let wait = throttle.wait(for: context.remoteAddress) { throw APIError.throttled(seconds: wait) }
        do {
            let user = try store.user(authenticatedBy: token)
            throttle.recordSuccess(from: context.remoteAddress)
            return user
        } catch let error as UserError {
            let failures = throttle.recordFailure(from: context.remoteAddress)
            try store.recordTokenRefusal(from: context.remoteAddress, reason: error.description, failuresInARow: failures)
            throw error
        }
    }
}
