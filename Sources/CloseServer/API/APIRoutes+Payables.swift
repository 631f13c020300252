import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Hummingbird
import Payables

extension APIRoutes {
    var payables: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/payables/duplicates", operationID: "listDuplicateBills",
                                     summary: "The period's vendor bills that look like a bill already in the store (any ledger), with score, signals and reason.",
                                     access: .reader, parameters: [Self.sourceParameter, Self.periodParameter],
                                     responseSchema: "DuplicateBillReport")) { request, _ in
                let source = try request.sourceKey(in: store)
                guard let period = try request.period() ?? store.latestCheckedPeriod(sourceKey: source) else {
                    throw APIError(.notFound, code: "not_checked", "\(source) has not been checked yet: name the period (?period=YYYY-MM).")
                }
                return JSONBody(try DuplicateBillService(store: store).duplicates(sourceKey: source, period: period,
                                                                                 rules: configuration.ruleSet.payables.duplicates))
            },
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/payables/holds", operationID: "listBillHolds",
                                     summary: "The intake's exception queue: reviewed vendor bills, blocked ones first and oldest first, with owner, age against the SLA, reasons and release.",
                                     access: .reader, parameters: [
                                         Self.everyLedgerParameter,
                                         Self.holdStatusParameter,
                                         .init(name: "vendor", place: .query, description: "Only vendors whose name contains this text (any case)."),
                                     ], responseSchema: "BillHoldList")) { request, _ in
                let statuses = try Self.holdStatuses(request)
                return JSONBody(["bills": try holdQueue.entries(sourceKey: request.namedSourceKey, statuses: statuses, vendor: request.query("vendor"))])
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/payables/holds/{billID}/release", operationID: "releaseBill",
                                     summary: "Let a blocked vendor bill be paid despite what intake found, as the caller (never the bill's preparer), with a reason the auditors read; outside audit mode Closer's payment block in Odoo is lifted.",
                                     access: .action(.releaseBill), parameters: [Self.billIDParameter, Self.sourceParameter],
                                     requestSchema: "ReleaseBillRequest", responseSchema: "BillHold", callsOdoo: true)) { request, context in
                let billID = try Self.billID(context)
                let body = try await request.json(ReleaseBillRequest.self)
                let review = try await PaymentBlockService.release(store: store, settings: configuration.odoo, sourceKey: try request.sourceKey(in: store),
                                                                   billID: billID, reason: body.reason, actor: try context.actor)
                return JSONBody(holdQueue.entry(review))
            },
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/payables/approvals", operationID: "listBillApprovals",
                                     summary: "Vendor bills on their approval route, oldest first: the level waiting (roles, why), its age and the decisions so far.",
                                     access: .reader, parameters: [
                                         Self.everyLedgerParameter,
                                         .init(name: "status", place: .query, description: "pending (default), approved, rejected or all.",
                                               pattern: "^(pending|approved|rejected|all)?$"),
                                     ], responseSchema: "BillApprovalList")) { request, _ in
                guard let statuses = BillApprovalQueue.statuses(named: request.query("status") ?? "pending") else {
                    throw APIError.badParameter("status", "must be pending, approved, rejected or all")
                }
                return JSONBody(["bills": try BillApprovalQueue(store: store).entries(sourceKey: request.namedSourceKey, statuses: statuses)])
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/payables/approvals/{billID}/decide", operationID: "decideBillApproval",
                                     summary: "Approve or reject the level a vendor bill waits at, as the caller: never its preparer or whoever asked, one level per person; a rejection needs a comment and ends the route.",
                                     access: .action(.approveBill), parameters: [Self.billIDParameter, Self.sourceParameter],
                                     requestSchema: "DecideBillRequest", responseSchema: "BillApprovalEntry")) { request, context in
                let billID = try Self.billID(context)
                let body = try await request.json(DecideBillRequest.self)
                let approval = try store.decideBillApproval(sourceKey: try request.sourceKey(in: store), billID: billID, approve: body.approve,
                                                            comment: body.comment, by: try context.actor)
                return JSONBody(BillApprovalQueue(store: store).entry(approval))
            },
        ]
    }

    var holdQueue: BillHoldQueue { BillHoldQueue(store: store, rules: configuration.ruleSet.payables.intake) }

    /// A queue's ledger: unlike `sourceParameter`, leaving it out lists every ledger's bills.
    static let everyLedgerParameter = Endpoint.Parameter(name: "source", place: .query, description: "Which pulled ledger (default: every ledger).")
    static let holdStatusParameter = Endpoint.Parameter(name: "status", place: .query, description: "blocked, warned, released, clear, open (blocked and warned) or all (default: all).",
                                                        pattern: "^(blocked|warned|released|clear|open|all)?$")
    static let billIDParameter = Endpoint.Parameter(name: "billID", place: .path, type: "integer", required: true,
                                                    description: "The bill's id in Odoo (account.move).", format: "int64", minimum: 1)

    static func billID(_ context: CloserRequestContext) throws -> Int {
        guard let billID = context.parameters.get("billID", as: Int.self), billID > 0 else {
            throw APIError.badParameter("billID", "must be a bill's id (a positive whole number)")
        }
        return billID
    }

    /// The statuses the `status` parameter names, `fallback` when it names none.
    static func holdStatuses(_ request: Request, default fallback: String = "all") throws -> Set<BillReview.Status> {
        guard let statuses = BillHoldQueue.statuses(named: request.query("status") ?? fallback) else {
            throw APIError.badParameter("status", "must be blocked, warned, released, clear, open (blocked and warned) or all")
        }
        return statuses
    }
}

struct ReleaseBillRequest: RequestBody, Codable, Sendable {
    static let fields: Set<String> = ["reason"]
    var reason: String
}

struct DecideBillRequest: RequestBody, Codable, Sendable {
    static let fields: Set<String> = ["approve", "comment"]
    var approve: Bool
    var comment: String?
}
