import CloseStore
import CloseWorkflows
import Governance
import Hummingbird
import Receivables

extension APIRoutes {
    var creditHolds: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/collections/holds", operationID: "listCreditHolds",
                                     summary: "Credit holds on customers over their credit limit or seriously overdue, oldest first: why, each step's who and when, and where the block stands in Odoo.",
                                     access: .reader, parameters: [
                                         Self.everyLedgerParameter,
                                         .init(name: "status", place: .query, description: "\(CreditHoldStatus.filterNames) (default: open).",
                                               pattern: "^(open|proposed|approved|applied|released|rejected|all)?$"),
                                     ], responseSchema: "CreditHoldList")) { request, _ in
                guard let statuses = CreditHoldStatus.named(request.query("status") ?? "open") else {
                    throw APIError.badParameter("status", "must be \(CreditHoldStatus.filterNames)")
                }
                return JSONBody(["holds": try store.creditHolds(sourceKey: request.namedSourceKey, statuses: statuses)])
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/collections/holds/{holdID}/approve", operationID: "approveCreditHold",
                                     summary: "Approve a proposed credit hold as the caller (never its proposer); outside audit mode it is applied in Odoo at once as the customer's blocking sales warning.",
                                     access: .action(.decideCreditHold), parameters: [Self.holdIDParameter], responseSchema: "CreditHold",
                                     callsOdoo: true)) { _, context in
                JSONBody(try await CreditHoldService.approve(store: store, settings: configuration.odoo, id: try Self.holdID(context), actor: try context.actor))
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/collections/holds/{holdID}/reject", operationID: "rejectCreditHold",
                                     summary: "Reject a credit hold not yet applied in Odoo, as the caller, with a reason the auditors read.",
                                     access: .action(.decideCreditHold), parameters: [Self.holdIDParameter],
                                     requestSchema: "RejectRequest", responseSchema: "CreditHold")) { request, context in
                let body = try await request.json(RejectCreditHoldRequest.self)
                return JSONBody(try CreditHoldService.reject(store: store, id: try Self.holdID(context), reason: body.reason, actor: try context.actor))
            },
        ]
    }

    static let holdIDParameter = Endpoint.Parameter(name: "holdID", place: .path, type: "integer", required: true,
                                                    description: "The credit hold's id in Closer.", format: "int64", minimum: 1)

    static func holdID(_ context: CloserRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("holdID", as: Int64.self), id > 0 else {
            throw APIError.badParameter("holdID", "must be a credit hold's id (a positive whole number)")
        }
        return id
    }
}

struct RejectCreditHoldRequest: RequestBody, Codable, Sendable {
    static let fields: Set<String> = ["reason"]
    var reason: String
}
