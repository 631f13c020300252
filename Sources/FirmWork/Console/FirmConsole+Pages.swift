import CloseSettings
import FirmDirectory
import Foundation
import Hummingbird
import Ledger

extension FirmConsole {
    /// The sign-in form posts a member's token; a good one starts a session whose id the browser keeps.
    func signIn(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: 4096)
        let form = URLComponents(string: "?" + String(buffer: body).replacingOccurrences(of: "+", with: " "))?.queryItems ?? []
        let token = form.first { $0.name == "token" }?.value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let member: FirmMember
        do {
            member = try await ConsoleAccess.member(token: token, in: directory)
        } catch let error as HTTPError where error.status == .unauthorized {
            var page = try ConsolePage.signIn(problem: error.body ?? "That token is not known.").response(from: request, context: context)
            page.status = .unauthorized
            return page
        }
        return try await ConsoleAccess.signIn(member, in: directory, secure: secureCookies)
    }

    /// The heat map: one row per tenant the member may see, filtered by owner and calendar, the most urgent first.
    func heatMap(_ request: Request) async throws -> Response {
        guard let member = try await ConsoleAccess.pageMember(request, in: directory) else { return ConsoleAccess.toSignIn() }
        let query = request.uri.queryParameters
        let filter = HeatMapFilter(owner: query["owner"].map(String.init), calendar: query["calendar"].map(String.init))
        let period = try Self.period(query["period"].map(String.init))
        let visible = visibleTenants(of: member)
        let cards = try await cards(for: visible.filter(filter.admits), period: period, member: member).sorted { $0.urgency < $1.urgency }
        return try ConsolePage.heatMap(cards, member: member, filter: filter, choices: HeatMapFilter.choices(visible), asOf: today).response()
    }

    /// One tenant: its close's figures and blockers, and its latest jobs.
    func tenantPage(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard let member = try await ConsoleAccess.pageMember(request, in: directory) else { return ConsoleAccess.toSignIn() }
        let tenant = try tenant(context, for: member)
        let period = try Self.period(request)
        let card = try await cards.card(for: tenant, period: period, asOf: today, actor: member.login, jobs: 20)
        return try ConsolePage.tenant(card, member: member, asOf: today).response()
    }

    /// The `?period=YYYY-MM` a page or the API was asked for; nil when none.
    static func period(_ request: Request) throws -> Period? { try period(request.uri.queryParameters["period"].map(String.init)) }

    static func period(_ text: String?) throws -> Period? {
        guard let text, !text.isEmpty else { return nil }
        do { return try Period(parsing: text) } catch { throw HTTPError(.badRequest, message: "period=\(text) is not a month: write YYYY-MM.") }
    }
}

/// The heat map's filters: a tenant's owner and its close calendar ("none" for tenants without one).
struct HeatMapFilter {
    static let noCalendar = "none"
    var owner: String?
    var calendar: String?

    func admits(_ tenant: Tenant) -> Bool {
        if let owner, !owner.isEmpty, tenant.owner != owner { return false }
        if let calendar, !calendar.isEmpty, (tenant.calendar?.description ?? Self.noCalendar) != calendar { return false }
        return true
    }

    /// The owners and calendars among `tenants`, sorted, for the filters' menus.
    static func choices(_ tenants: [Tenant]) -> (owners: [String], calendars: [String]) {
        (Set(tenants.compactMap(\.owner)).sorted(), Set(tenants.map { $0.calendar?.description ?? noCalendar }).sorted())
    }
}
