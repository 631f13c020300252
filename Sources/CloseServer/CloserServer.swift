public import Automation
public import CloseStore
import Foundation
public import Hummingbird
public import Logging
import OdooRPC
import CloseSettings

/// `closer serve`: the JSON API (and, registered beside it, the dashboard and webhooks) over one
/// store, every request logged with its id and measured.
public struct CloserServer: Sendable {
    public var store: AppDatabase
    public var configuration: ServerConfiguration
    public var metrics: ServerMetrics
    public var logger: Logger
    public var automation: ServerAutomation?
    /// Failed sign-ins per client address, shared by the API's tokens and the dashboard's sign-in.
    let signInThrottle: AddressThrottle

    public init(store: AppDatabase, configuration: ServerConfiguration, metrics: ServerMetrics = ServerMetrics(),
                logger: Logger = Logger(label: "closer.server"), automation: AutomationConfig? = nil,
                sources: IncrementalRefreshService.SourceFactory? = nil) {
        self.store = store
        self.configuration = configuration
        self.signInThrottle = AddressThrottle(throttle: configuration.addressThrottle)
        self.configuration.odoo?.options.observer = OdooCallMetrics(metrics: metrics)
        self.metrics = metrics
        let odoo = self.configuration.odoo
        self.automation = automation.map {
            ServerAutomation(config: $0, store: store, ruleSet: configuration.ruleSet, odoo: odoo,
                             sources: sources ?? ServerAutomation.odooSources(odoo))
        }
        self.logger = logger
    }

    var api: APIRoutes { APIRoutes(store: store, configuration: configuration, metrics: metrics, automation: automation) }

    /// The router with every route and the middleware around them; outermost first: the access log
    /// (sees the final status), errors as JSON, 405 for a known path's wrong method, the body limit.
    func router() -> Router<CloserRequestContext> {
        let router = Router(context: CloserRequestContext.self)
        router.add(middleware: AccessLogMiddleware(metrics: metrics))
        router.add(middleware: ErrorResponseMiddleware())
        let routes = api.all
        router.add(middleware: MethodNotAllowedMiddleware(endpoints: routes.map(\.endpoint)))
        router.add(middleware: BodyLimitMiddleware(maxBytes: configuration.maxRequestBytes))
        let authenticator = TokenAuthenticator(store: store, throttle: signInThrottle)
        for route in routes {
            router.on(RouterPath(route.endpoint.routerPath), method: route.endpoint.method) { request, context in
                if route.endpoint.access.needsUser {
                    let user = try authenticator.user(for: request, context: context)
                    context.user = user
                    try route.endpoint.access.authorize(user, store: store)
                }
                return try await route.handler(request, context).response(from: request, context: context)
            }
        }
        DashboardRoutes(store: store, configuration: configuration, signInThrottle: signInThrottle).register(on: router)
        return router
    }

    /// The application; `onRunning` receives the bound port (useful with port 0 in tests).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "closer"),
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }, logger: logger)
    }

    /// Serves until SIGINT or SIGTERM (or, with `handlingSignals: false`, until cancelled: tests), with
    /// the scheduler and outgoing webhooks running beside it. The server's end ends them; theirs does
    /// not end the server (with only inbound webhooks configured, there is nothing for them to run).
    public func run(handlingSignals: Bool = true, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let automation { group.addTask { await automation.run(logger: logger) } }
            let app = application(onRunning: onRunning)
            if handlingSignals { try await app.runService() } else { try await app.runService(gracefulShutdownSignals: []) }
            group.cancelAll()
        }
    }
}
