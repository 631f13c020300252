import CloseChecks
import CloseSettings
import CloseStore
import CloseWorkflows
import Governance
import Hummingbird
import Ledger

extension APIRoutes {
    var dismissals: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/findings/dismissals", operationID: "listFindingDismissals",
                                     summary: "The ledger's finding dismissals, newest first: check, scope, reason, expiry, who and when.", access: .reader,
                                     parameters: [Self.sourceParameter,
                                                  .init(name: "all", place: .query, type: "boolean", description: "Withdrawn dismissals too (default false).")],
                                     responseSchema: "DismissalList")) { request, _ in
                let all = request.query("all").map { $0 == "true" || $0 == "1" } ?? false
                return JSONBody(["dismissals": try store.findingDismissals(sourceKey: try request.sourceKey(in: store), includingWithdrawn: all)])
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/findings/dismissals", operationID: "dismissFinding",
                                     summary: "Dismiss a finding of the latest check as the caller (a preparer, or a controller for the whole check), with a reason, a scope (record, partner, account or kind) and an expiry: the next checks set aside what it covers.",
                                     access: .action(.actOnFindings), parameters: [Self.sourceParameter, Self.asOfParameter],
                                     requestSchema: "DismissRequest", responseSchema: "Dismissal", successStatus: 201)) { request, context in
                let body = try await request.json(DismissFindingRequest.self)
                guard let scope = DismissalScope.Choice(rawValue: body.scope) else {
                    throw APIError.badParameter("scope", "must be record, partner, account or kind")
                }
                let until = try body.until.map { text in
                    guard let date = LocalDate(iso: text) else { throw APIError.badParameter("until", "must be a date, YYYY-MM-DD") }
                    return date
                }
                let period = try body.period.map { try Period(parsing: $0) }
                let dismissal = try FindingsService(store: store, actor: try context.actor).dismiss(
                    fingerprint: body.fingerprint, scope: scope, reason: body.reason, until: until, sourceKey: try request.sourceKey(in: store),
                    period: period, asOf: try request.asOf(), rules: configuration.ruleSet.triage)
                return JSONBody(dismissal, status: .created)
            },
            Route(endpoint: Endpoint(method: .delete, path: "/api/v1/findings/dismissals/{dismissalID}", operationID: "withdrawFindingDismissal",
                                     summary: "Withdraw a dismissal as the caller (whoever made it, or a controller): the next check shows what it hid.",
                                     access: .action(.actOnFindings), parameters: [Self.sourceParameter, Self.dismissalIDParameter],
                                     responseSchema: "Dismissal")) { request, context in
                guard let id = context.parameters.get("dismissalID", as: Int64.self), id > 0 else {
                    throw APIError.badParameter("dismissalID", "must be a dismissal's number (a positive whole number)")
                }
                return JSONBody(try FindingsService(store: store, actor: try context.actor).withdrawDismissal(id: id, sourceKey: try request.sourceKey(in: store)))
            },
        ]
    }

    static let dismissalIDParameter = Endpoint.Parameter(name: "dismissalID", place: .path, type: "integer", required: true,
                                                         description: "The dismissal's number in Closer.", format: "int64", minimum: 1)
}

struct DismissFindingRequest: RequestBody, Codable, Sendable {
    static let fields: Set<String> = ["fingerprint", "scope", "reason", "until", "period"]
    var fingerprint: String
    var scope: String
    var reason: String
    var until: String?
    var period: String?
}
