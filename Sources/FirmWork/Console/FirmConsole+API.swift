import CloseSettings
import FirmDirectory
import Foundation
import Governance
import Hummingbird
import JobQueue
import Ledger

extension FirmConsole {
    /// `GET /api/tenants`: the cards of the tenants the member may see.
    func tenantsJSON(_ request: Request) async throws -> Response {
        let member = try await ConsoleAccess.apiMember(request, in: directory)
        let period = try Self.period(request)
        let cards = try await cards(for: visibleTenants(of: member), period: period, member: member)
        return try TenantCardJSON.response(cards.map { TenantCardJSON($0, roles: member.roles(in: $0.tenant.id)) })
    }

    /// `GET /api/tenants/{tenant}`: one card, with the tenant's latest 20 jobs.
    func tenantJSON(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let member = try await ConsoleAccess.apiMember(request, in: directory)
        let tenant = try tenant(context, for: member)
        let period = try Self.period(request)
        let card = try await cards.card(for: tenant, period: period, asOf: today, actor: member.login, jobs: 20)
        return try TenantCardJSON.response(TenantCardJSON(card, roles: member.roles(in: tenant.id)))
    }

    /// `POST /api/tenants/{tenant}/closes` with `{"period": "2026-10"}` (and `"again": "reason"` to close a period anew):
    /// asks the queue for the tenant's close, once per period. A viewer may look, not ask: 403.
    func askForClose(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let member = try await ConsoleAccess.apiMember(request, in: directory)
        let tenant = try tenant(context, for: member)
        guard !member.roles(in: tenant.id).subtracting([.viewer]).isEmpty else {
            throw HTTPError(.forbidden, message: "\(member.login) may view \(tenant.id) but not ask for its close: a preparer, approver, controller or admin may.")
        }
        struct Asked: Decodable { var period: String; var again: String? }
        let body = try await request.body.collect(upTo: 4096)
        guard let asked = try? JSONDecoder().decode(Asked.self, from: Data(body.readableBytesView)) else {
            throw HTTPError(.badRequest, message: "Send JSON {\"period\": \"YYYY-MM\"} (and \"again\": \"why\" to close a period anew).")
        }
        guard let period = try Self.period(asked.period) else { throw HTTPError(.badRequest, message: "Name the period: {\"period\": \"YYYY-MM\"}.") }
        let enqueued = try await CloseEnqueuer(queue: cards.queue).enqueue([tenant], period: period, payload: CloseJobPayload(askedBy: member.login), again: asked.again)[0]
        var response = try TenantCardJSON.response(TenantCardJSON.JobJSON(enqueued.job))
        response.status = enqueued.created ? .accepted : .ok
        return response
    }
}
