import CloseStore
import CloseWorkflows
import Governance
import Hummingbird
import Ledger

extension APIRoutes {
    /// What collectors record about customers: promises to pay and disputed invoices.
    var collectorRecords: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/collections/promises", operationID: "listPromises",
                                     summary: "Promises to pay, soonest first: by when, how much, for which invoices, and whether kept or broken.",
                                     access: .reader, parameters: [
                                         Self.everyLedgerParameter,
                                         .init(name: "status", place: .query, description: "open (default), kept, broken or all.", pattern: "^(open|kept|broken|all)?$"),
                                     ], responseSchema: "PromiseList")) { request, _ in
                let statuses: Set<PromiseToPay.Status> = try Self.statuses(request, default: "open")
                return JSONBody(["promises": try store.promises(sourceKey: request.namedSourceKey, statuses: statuses).map(PromiseJSON.init)])
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/collections/promises", operationID: "recordPromise",
                                     summary: "Record a customer's promise to pay, checked against the pulled ledger (the invoices must be the customer's and open): they get no reminder until the day and the rule set's grace pass.",
                                     access: .action(.recordCollections), parameters: [Self.sourceParameter], requestSchema: "PromiseRequest",
                                     responseSchema: "Promise", successStatus: 201)) { request, context in
                let body = try await request.json(PromiseRequest.self)
                guard let date = LocalDate(iso: body.date) else {
                    throw APIError(.unprocessableContent, code: "invalid_request", "'date' is not a date: write the day the customer promised to pay by as YYYY-MM-DD.")
                }
                let promise = try CollectorRecordsService(store: store, actor: try context.actor, settings: configuration.odoo)
                    .promise(sourceKey: try request.sourceKey(in: store), customerID: body.customer, invoiceIDs: body.invoices ?? [], promisedOn: date,
                             amount: body.amount, note: body.note)
                return JSONBody(PromiseJSON(promise), status: .created)
            },
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/collections/disputes", operationID: "listDisputes",
                                     summary: "Disputed customer invoices, oldest first: what the customer contests, who sorts it out, and how it was resolved.",
                                     access: .reader, parameters: [
                                         Self.everyLedgerParameter,
                                         .init(name: "status", place: .query, description: "open (default), resolved or all.", pattern: "^(open|resolved|all)?$"),
                                     ], responseSchema: "DisputeList")) { request, _ in
                let statuses: Set<InvoiceDispute.Status> = try Self.statuses(request, default: "open")
                return JSONBody(["disputes": try store.disputes(sourceKey: request.namedSourceKey, statuses: statuses)])
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/collections/disputes", operationID: "recordDispute",
                                     summary: "Record that a customer disputes an invoice: it leaves the reminders and, outside audit mode, its owner (else the invoice's salesperson) gets a To-Do on it in Odoo.",
                                     access: .action(.recordCollections), parameters: [Self.sourceParameter], requestSchema: "DisputeRequest",
                                     responseSchema: "Dispute", successStatus: 201, callsOdoo: true)) { request, context in
                let body = try await request.json(DisputeRequest.self)
                let dispute = try await CollectorRecordsService(store: store, actor: try context.actor, settings: configuration.odoo)
                    .dispute(sourceKey: try request.sourceKey(in: store), invoiceID: body.invoice, reason: body.reason, ownerLogin: body.owner)
                return JSONBody(dispute, status: .created)
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/collections/disputes/{disputeID}/resolve", operationID: "resolveDispute",
                                     summary: "Resolve an open dispute with what was decided, as the caller; the invoice rejoins the reminders if still open.",
                                     access: .action(.recordCollections), parameters: [Self.disputeIDParameter], requestSchema: "ResolveDisputeRequest",
                                     responseSchema: "Dispute")) { request, context in
                guard let id = context.parameters.get("disputeID", as: Int64.self), id > 0 else {
                    throw APIError.badParameter("disputeID", "must be a dispute's id (a positive whole number)")
                }
                let body = try await request.json(ResolveDisputeRequest.self)
                return JSONBody(try store.resolveDispute(id, resolution: body.resolution, actor: try context.actor))
            },
        ]
    }

    static let disputeIDParameter = Endpoint.Parameter(name: "disputeID", place: .path, type: "integer", required: true,
                                                       description: "The dispute's id in Closer.", format: "int64", minimum: 1)
}

struct PromiseRequest: RequestBody, Codable, Sendable {
    static let fields: Set<String> = ["customer", "date", "amount", "invoices", "note"]
    /// The customer's res.partner id.
    var customer: Int
    /// YYYY-MM-DD.
    var date: String
    /// Decimal text in the company currency; nil: all the invoices have open.
    var amount: String?
    var invoices: [Int]?
    var note: String?
}

struct DisputeRequest: RequestBody, Codable, Sendable {
    static let fields: Set<String> = ["invoice", "reason", "owner"]
    var invoice: Int
    var reason: String
    var owner: String?
}

struct ResolveDisputeRequest: RequestBody, Codable, Sendable {
    static let fields: Set<String> = ["resolution"]
    var resolution: String
}
