import CloseStore
import Foundation
import Hummingbird
import Logging

/// `closer serve`: the JSON API (and, registered beside it, the dashboard and webhooks) over one
/// store, every request logged with its id and measured.
public struct CloserServer: Sendable {
    public var store: AppDatabase
    public var configuration: ServerConfiguration
    public var metrics: MetricsRegistry
    public var logger: Logger

    public init(store: AppDatabase, configuration: ServerConfiguration, metrics: MetricsRegistry = MetricsRegistry(),
                logger: Logger = Logger(label: "closer.server")) {
        self.store = store
        self.configuration = configuration
        self.metrics = metrics
        self.logger = logger
    }

    var api: APIRoutes { APIRoutes(store: store, configuration: configuration, metrics: metrics) }

    /// The router with every route and the middleware around them; outermost first: the access log
    /// (sees the final status), errors as JSON, the body limit.
    func router() -> Router<CloserRequestContext> {
        let router = Router(context: CloserRequestContext.self)
        router.add(middleware: AccessLogMiddleware(metrics: metrics))
        router.add(middleware: ErrorResponseMiddleware())
        router.add(middleware: BodyLimitMiddleware(maxBytes: configuration.maxRequestBytes))
        let authenticator = TokenAuthenticator(store: store)
        for route in api.all {
            router.on(RouterPath(route.endpoint.routerPath), method: route.endpoint.method) { request, context in
                if case .roles = route.endpoint.access {
                    let user = try authenticator.user(for: request)
                    context.user = user
                    try route.endpoint.access.authorize(user)
                }
                return try await route.handler(request, context).response(from: request, context: context)
            }
        }
        DashboardRoutes(store: store, configuration: configuration).register(on: router)
        return router
    }

    /// The application; `onRunning` receives the bound port (useful with port 0 in tests).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "closer"),
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }, logger: logger)
    }
}
