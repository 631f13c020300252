import Ledger
import Foundation
import Hummingbird
import Logging
import Governance

/// One structured log line and one metrics sample per request, and the request id in the response
/// so a user's report can be matched with the log.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = CloserRequestContext
    var metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // The matched route, not the raw path, keeps the label set small (ids stay out of it).
        let route = context.endpointPath ?? "unmatched"
        response.headers[.init("X-Request-Id")!] = context.id
        metrics.increment(.httpRequests, labels: [("method", request.method.rawValue), ("route", route), ("status", String(response.status.code))])
        metrics.record(.httpRequestDuration, labels: [("route", route)], duration: elapsed)
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "route": "\(route)",
            "status": "\(response.status.code)", "ms": "\(String(format: "%.2f", seconds * 1000))",
            "user": "\(context.user?.login ?? "-")",
        ])
        return response
    }
}
