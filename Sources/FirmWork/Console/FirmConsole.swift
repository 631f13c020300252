public import CloseSettings
public import FirmDirectory
import Foundation
public import HTTPTypes
public import Hummingbird
public import JobQueue
public import Ledger
public import Logging

/// The firm console (`closer firm-console`): every tenant's close as a heat map, a page per tenant, the same as JSON,
/// and closes asked for over the API or by the tenants' calendars. A member sees only the tenants the firm
/// directory gives them a role in; any other tenant answers 404, as one that does not exist.
public struct FirmConsole: Sendable {
    public var tenants: TenantsFile
    public var cards: TenantCardReader
    public var directory: PostgresFirmDirectory
    /// The day the console reads closes as of; nil: today (UTC). Tests and demos pin it.
    public var asOf: LocalDate?
    /// Mark the sign-in cookie Secure (sent over HTTPS only): behind a TLS proxy.
    public var secureCookies: Bool

    public init(tenants: TenantsFile, cards: TenantCardReader, directory: PostgresFirmDirectory, asOf: LocalDate? = nil, secureCookies: Bool = false) {
        self.tenants = tenants
        self.cards = cards
        self.directory = directory
        self.asOf = asOf
        self.secureCookies = secureCookies
    }

    var today: LocalDate { asOf ?? .todayUTC() }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("sign-in") { _, _ in ConsolePage.signIn(problem: nil) }
        router.post("sign-in") { request, context in try await signIn(request, context) }
        router.post("sign-out") { request, _ in try await ConsoleAccess.signOut(request, in: directory) }
        router.get("/") { request, _ in try await heatMap(request) }
        router.get("api/tenants") { request, _ in try await tenantsJSON(request) }
        for route in TenantRoute.allCases {
            router.on(RouterPath(route.path), method: route.method) { request, context in
                switch route {
                case .page: try await tenantPage(request, context)
                case .json: try await tenantJSON(request, context)
                case .askForClose: try await askForClose(request, context)
                }
            }
        }
        return router
    }

    /// Every route that names a tenant, each answering 404 for a tenant the member may not see.
    public enum TenantRoute: CaseIterable, Sendable {
        case page, json, askForClose

        public var method: HTTPRequest.Method {
            switch self {
            case .page, .json: .get
            case .askForClose: .post
            }
        }

        public var path: String {
            switch self {
            case .page: "/tenants/:tenant"
            case .json: "/api/tenants/:tenant"
            case .askForClose: "/api/tenants/:tenant/closes"
            }
        }
    }

    /// The cards of `tenants` in their order, as many read at once as there are cores (each reads its own store).
    func cards(for tenants: [Tenant], period: Period?, member: FirmMember) async throws -> [TenantCard] {
        let (reader, asOf) = (cards, today)
        let read: @Sendable (Int) async throws -> (Int, TenantCard) = { index in
            (index, try await reader.card(for: tenants[index], period: period, asOf: asOf, actor: member.login))
        }
        return try await withThrowingTaskGroup(of: (Int, TenantCard).self) { group in
            var cards = [TenantCard?](repeating: nil, count: tenants.count)
            let width = min(max(1, ProcessInfo.processInfo.activeProcessorCount), tenants.count)
            for index in 0..<width { group.addTask { try await read(index) } }
            var next = width
            for try await (index, card) in group {
                cards[index] = card
                if next < tenants.count {
                    let index = next
                    group.addTask { try await read(index) }
                    next += 1
                }
            }
            return cards.compactMap { $0 }
        }
    }

    /// The tenants `member` may see, in the tenants file's order.
    func visibleTenants(of member: FirmMember) -> [Tenant] { tenants.tenants.filter { member.sees($0.id) } }

    /// The tenant a path names, if `member` may see it; 404 otherwise, whether it exists or not, so a member learns
    /// nothing of the tenants they are not given.
    func tenant(_ context: BasicRequestContext, for member: FirmMember) throws -> Tenant {
        let id = context.parameters.get("tenant") ?? ""
        guard member.sees(id), let tenant = tenants.tenants.first(where: { $0.id == id }) else {
            throw HTTPError(.notFound, message: "No tenant '\(id)' here.")
        }
        return tenant
    }

    /// Serves until SIGTERM or SIGINT; with `scheduleEvery`, asks the queue for the closes the tenants' calendars
    /// say are due that often (`askForDueCloses`).
    public func run(host: String, port: Int, queue: any JobQueue, scheduleEvery: Duration?, logger: Logger) async throws {
        let app = Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "closer-firm-console"), logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let interval = scheduleEvery { group.addTask { await askForDueCloses(on: queue, every: interval, logger: logger) } }
            try await app.runService()
            group.cancelAll()
        }
    }

    /// Until cancelled, every `interval`: asks for the closes the calendars say are under way (as `closer enqueue --due`
    /// from cron would; each tenant's close of a period is asked for once). A failure is logged and tried again next time.
    public func askForDueCloses(on queue: any JobQueue, every interval: Duration, logger: Logger) async {
        while !Task.isCancelled {
            do {
                let new = try await CloseEnqueuer(queue: queue).enqueueDue(tenants.tenants, on: today).filter(\.enqueued.created)
                if !new.isEmpty { logger.info("asked for \(new.count) close(s) the calendars say are due: \(new.map { "\($0.tenant.id) \($0.period)" })") }
            } catch {
                logger.error("the calendars' closes could not be asked for: \(error); trying again in \(interval)")
            }
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }
}
