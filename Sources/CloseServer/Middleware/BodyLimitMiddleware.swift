import Hummingbird

/// Refuses a request body larger than the server accepts before a handler sees it: at once when
/// Content-Length says so, otherwise while reading, never buffering more than the limit.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = CloserRequestContext
    var maxBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maxBytes { throw tooLarge }
        guard [.post, .put, .patch].contains(request.method) else { return try await next(request, context) }
        var request = request
        do {
            _ = try await request.collectBody(upTo: maxBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw tooLarge
        }
        return try await next(request, context)
    }

    private var tooLarge: APIError {
        APIError(.contentTooLarge, code: "payload_too_large", "The request body is larger than \(maxBytes) bytes, the most this server accepts.")
    }
}
