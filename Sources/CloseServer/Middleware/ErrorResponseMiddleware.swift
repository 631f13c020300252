import Hummingbird
import Logging

/// Turns every error a handler or the framework throws into the API's JSON error, and logs the
/// unexpected ones in full, since their details never leave the server.
struct ErrorResponseMiddleware: RouterMiddleware {
    typealias Context = CloserRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = APIError.from(error, requestID: context.id)
            if apiError.status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            return try apiError.response(from: request, context: context)
        }
    }
}
