import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Hummingbird
import Ledger

extension APIRoutes {
    /// Payment runs, as `closer payments propose|runs|approve|reject|file` offers them, under the same roles and
    /// separation of duties: a preparer proposes, another approver or controller (not one who changed, verified or
    /// trusted an account it pays) approves, and only an approved run is written as a bank file.
    var payments: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/payments/runs", operationID: "listPaymentRuns",
                                     summary: "The payment runs, newest first: status, each step's who and when, the groups with their payments and the bills left out with the reasons.",
                                     access: .reader, parameters: [
                                         Self.everyLedgerParameter,
                                         .init(name: "status", place: .query, description: "proposed, approved, paid, rejected, superseded or all (default: all).",
                                               pattern: "^(proposed|approved|paid|rejected|superseded|all)?$"),
                                     ], responseSchema: "PaymentRunList")) { request, _ in
                let statuses = try Self.runStatuses(request)
                return JSONBody(["runs": try store.paymentRuns(sourceKey: request.namedSourceKey, statuses: statuses).map(PaymentRunJSON.init)])
            },
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/payments/runs/{runID}", operationID: "getPaymentRun",
                                     summary: "One payment run in full.", access: .reader, parameters: [Self.runIDParameter],
                                     responseSchema: "PaymentRun")) { _, context in
                JSONBody(PaymentRunJSON(try store.paymentRun(id: try Self.runID(context))))
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/payments/runs", operationID: "proposePaymentRun",
                                     summary: "Read Odoo, record the vendors' bank-detail changes, run the pre-flight checks and store the proposal for a second person's approval (superseding the one waiting), as the caller. Nothing is paid.",
                                     access: .action(.proposePayments), requestSchema: "ProposePaymentRunRequest", responseSchema: "PaymentRun",
                                     successStatus: 201, callsOdoo: true)) { request, context in
                let body = try await request.json(ProposePaymentRunRequest.self)
                let execution = try Self.day(body.executionDate, "executionDate") ?? .todayUTC()
                let payBy = try Self.day(body.payBy, "payBy") ?? execution
                guard payBy >= execution || body.payBy == nil else { throw APIError.badParameter("payBy", "must not be before executionDate") }
                guard let odoo = configuration.odoo else { throw APIError.noOdoo("Proposing a payment run") }
                let run = try await PaymentRunService(store: store, settings: odoo, rules: configuration.ruleSet.treasury)
                    .propose(executionDate: execution, payBy: payBy, journalID: body.journalID, actor: try context.actor)
                return JSONBody(PaymentRunJSON(run), status: .created)
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/payments/runs/{runID}/approve", operationID: "approvePaymentRun",
                                     summary: "Approve a proposed run as the caller: never its proposer, nor anyone who changed, verified or trusted a bank account it pays. Outside audit mode its payments are created in Odoo at once; call again to finish a run an interruption left half paid.",
                                     access: .action(.approvePayments), parameters: [Self.runIDParameter], responseSchema: "PaymentRun", callsOdoo: true)) { _, context in
                JSONBody(PaymentRunJSON(try await PaymentRunService.approve(store: store, settings: configuration.odoo, id: try Self.runID(context),
                                                                            actor: try context.actor)))
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/payments/runs/{runID}/reject", operationID: "rejectPaymentRun",
                                     summary: "Reject a run nothing of which is paid yet, with a reason the auditors read.",
                                     access: .action(.approvePayments), parameters: [Self.runIDParameter], requestSchema: "RejectRequest",
                                     responseSchema: "PaymentRun")) { request, context in
                let body = try await request.json(RejectRequest.self)
                return JSONBody(PaymentRunJSON(try PaymentRunService.reject(store: store, id: try Self.runID(context), reason: body.reason,
                                                                            actor: try context.actor)))
            },
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/payments/runs/{runID}/pain001", operationID: "paymentRunFile",
                                     summary: "An approved or paid run's ISO 20022 pain.001.001.09 credit-transfer file for the bank, one per bank journal (file=1 … the run's files); 409 while the run is not approved.",
                                     access: .reader, parameters: [
                                         Self.runIDParameter,
                                         .init(name: "file", place: .query, type: "integer", description: "Which of the run's files, from 1 (default: 1).", minimum: 1),
                                     ], responseContentType: "application/xml")) { request, context in
                try Self.creditTransferFile(try store.paymentRun(id: try Self.runID(context)), number: try request.integer("file", default: 1, in: 1...Int.max))
            },
        ]
    }

    /// The run's `number`th pain.001 file (from 1) as a download; refused while the run is not approved or paid.
    static func creditTransferFile(_ run: PaymentRun, number: Int) throws -> Response {
        let files = try PaymentRunService.creditTransferFiles(run)
        guard number >= 1, number <= files.count else {
            throw APIError(.notFound, code: "not_found", "Payment run #\(run.id) has \(files.count) file(s): ask for file=1 to \(files.count).")
        }
        var response = Response.bytes(Array(files[number - 1].xml.utf8), contentType: "application/xml; charset=utf-8")
        response.headers[.contentDisposition] = #"attachment; filename="\#(run.reference.lowercased())-\#(number).xml""#
        return response
    }

    static let runIDParameter = Endpoint.Parameter(name: "runID", place: .path, type: "integer", required: true,
                                                   description: "The payment run's id in Closer.", format: "int64", minimum: 1)

    static func runID(_ context: CloserRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("runID", as: Int64.self), id > 0 else {
            throw APIError.badParameter("runID", "must be a payment run's id (a positive whole number)")
        }
        return id
    }

    static func runStatuses(_ request: Request) throws -> Set<PaymentRun.Status> {
        let name = request.query("status") ?? "all"
        if name == "all" { return Set(PaymentRun.Status.allCases) }
        guard let status = PaymentRun.Status(rawValue: name) else {
            throw APIError.badParameter("status", "must be proposed, approved, paid, rejected, superseded or all")
        }
        return [status]
    }

    /// A day a body names, refused as that field when malformed.
    static func day(_ text: String?, _ field: String) throws -> LocalDate? {
        guard let text else { return nil }
        guard let day = LocalDate(iso: text) else { throw APIError.badParameter(field, "is not a date: write YYYY-MM-DD") }
        return day
    }
}

struct ProposePaymentRunRequest: RequestBody, Codable, Sendable {
    static let fields: Set<String> = ["executionDate", "payBy", "journalID"]
    var executionDate: String?
    var payBy: String?
    var journalID: Int?
}
