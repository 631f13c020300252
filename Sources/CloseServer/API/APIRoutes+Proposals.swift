import CloseStore
import CloseWorkflows
import Governance
import Foundation
import Hummingbird
import CloseSettings
import Adjustments

extension APIRoutes {
    var proposals: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/proposals", operationID: "listProposals",
                                     summary: "Adjusting-entry proposals, optionally of one period and status.", access: .reader,
                                     parameters: [Self.sourceParameter, Self.periodParameter,
                                                  .init(name: "status", place: .query, description: "proposed, approved, rejected, applied, failed, rolled-back or withdrawn.",
                                                        pattern: "^(\(AdjustmentStatus.allCases.map(\.rawValue).joined(separator: "|")))?$")],
                                     responseSchema: "ProposalList")) { request, _ in
                var statuses: Set<AdjustmentStatus>?
                if let text = request.query("status") {
                    guard let status = AdjustmentStatus(rawValue: text) else {
                        throw APIError.badParameter("status", "must be one of \(AdjustmentStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    statuses = [status]
                }
                return JSONBody(["proposals": try store.adjustments(sourceKey: try request.sourceKey(in: store), period: try request.period(),
                                                                    statuses: statuses)])
            },
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/proposals/{id}", operationID: "getProposal",
                                     summary: "One proposal with its entry, calculation, evidence and the approvals recorded so far.", access: .reader,
                                     parameters: [Self.idParameter, Self.sourceParameter], responseSchema: "ProposalDetail")) { request, context in
                let id = try request.pathID(context)
                let stored = try store.adjustment(id: id, sourceKey: try request.sourceKey(in: store))
                return JSONBody(ProposalDetail(proposal: stored, approvals: try store.approvals(of: ProposalRef(.adjustment, id))))
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/proposals/{id}/approve", operationID: "approveProposal",
                                     summary: "Approve as the caller under the approval policy; an approval the policy does not yet find sufficient is recorded and the proposal keeps waiting.",
                                     access: .approver, parameters: [Self.idParameter, Self.sourceParameter], requestSchema: "ApproveRequest",
                                     responseSchema: "ReviewedProposal")) { request, context in
                let body = try await request.json(ApproveRequest.self)
                return JSONBody(try decide([try request.pathID(context)], request, context, approve: true, note: body.note)[0])
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/proposals/{id}/reject", operationID: "rejectProposal",
                                     summary: "Reject with a reason the next reviewer and the auditors read.", access: .approver,
                                     parameters: [Self.idParameter, Self.sourceParameter], requestSchema: "RejectRequest",
                                     responseSchema: "ReviewedProposal")) { request, context in
                let body = try await request.json(RejectRequest.self)
                return JSONBody(try decide([try request.pathID(context)], request, context, approve: false, note: body.reason)[0])
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/proposals/bulk-approve", operationID: "bulkApproveProposals",
                                     summary: "Approve every waiting proposal of a period at or above a confidence; each is decided on its own and a refusal is reported, not fatal.",
                                     access: .approver, parameters: [Self.sourceParameter], requestSchema: "BulkApproveRequest",
                                     responseSchema: "BulkApproveResult")) { request, context in
                try await bulkApprove(request, context)
            },
        ]
    }

    private func decide(_ ids: [Int64], _ request: Request, _ context: CloserRequestContext, approve: Bool,
                        note: String?) throws -> [Reviewed<StoredAdjustment>] {
        try AdjustmentService(store: store, actor: try context.actor)
            .decide(ids: ids, sourceKey: try request.sourceKey(in: store), approve: approve, note: note, policy: configuration.ruleSet.approvals)
    }

    private func bulkApprove(_ request: Request, _ context: CloserRequestContext) async throws -> JSONBody<BulkReview<StoredAdjustment>> {
        let body = try await request.json(BulkApproveRequest.self)
        guard (0...1).contains(body.minConfidence) else { throw APIError.badParameter("minConfidence", "must be between 0 and 1") }
        return JSONBody(try AdjustmentService(store: store, actor: try context.actor)
            .approveWaiting(sourceKey: try request.sourceKey(in: store), period: try body.period.map { try Request.period($0) },
                            minConfidence: body.minConfidence, note: body.note, policy: configuration.ruleSet.approvals))
    }
}

struct ApproveRequest: RequestBody, Codable, Sendable {
    static let fields: Set<String> = ["note"]
    var note: String?
}

struct RejectRequest: RequestBody, Codable, Sendable {
    static let fields: Set<String> = ["reason"]
    var reason: String
}

struct BulkApproveRequest: RequestBody, Codable, Sendable {
    static let fields: Set<String> = ["period", "minConfidence", "note"]
    var period: String?
    var minConfidence: Double
    var note: String?
}

struct ProposalDetail: Codable, Sendable {
    var proposal: StoredAdjustment
    var approvals: [RecordedApproval]
}
