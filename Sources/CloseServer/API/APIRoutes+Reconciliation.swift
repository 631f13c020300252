import CloseStore
import CloseWorkflows
import Foundation
import Hummingbird
import CloseSettings

extension APIRoutes {
    var reconciliation: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/reconciliation", operationID: "listMatchProposals",
                                     summary: "Bank statement lines with their ranked candidates and the reasons for each.", access: .reader,
                                     parameters: [Self.sourceParameter,
                                                  .init(name: "status", place: .query, description: "proposed, approved, rejected, applied or failed (default: all but superseded).",
                                                        pattern: "^(proposed|approved|rejected|applied|failed)?$")],
                                     responseSchema: "MatchProposalList")) { request, _ in
                var statuses = Set(MatchProposalStatus.current)
                if let text = request.query("status") {
                    guard let status = MatchProposalStatus(rawValue: text), statuses.contains(status) else {
                        throw APIError.badParameter("status", "must be one of \(statuses.map(\.rawValue).sorted().joined(separator: ", "))")
                    }
                    statuses = [status]
                }
                return JSONBody(["proposals": try store.matchProposals(sourceKey: try request.sourceKey(in: store), statuses: statuses)])
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/reconciliation/{id}/approve", operationID: "approveMatch",
                                     summary: "Approve a bank match's best candidate under the approval policy.", access: .approver,
                                     parameters: [Self.idParameter, Self.sourceParameter], requestSchema: "ApproveRequest",
                                     responseSchema: "ReviewedMatch")) { request, context in
                let body = try await request.json(ApproveRequest.self)
                return JSONBody(try decideMatch(request, context, approve: true, note: body.note))
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/reconciliation/{id}/reject", operationID: "rejectMatch",
                                     summary: "Reject a bank match with a reason.", access: .approver,
                                     parameters: [Self.idParameter, Self.sourceParameter], requestSchema: "RejectRequest",
                                     responseSchema: "ReviewedMatch")) { request, context in
                let body = try await request.json(RejectRequest.self)
                return JSONBody(try decideMatch(request, context, approve: false, note: body.reason))
            },
        ]
    }

    private func decideMatch(_ request: Request, _ context: CloserRequestContext, approve: Bool, note: String?) throws -> Reviewed<StoredMatchProposal> {
        try ReconcileService(store: store, actor: try context.actor)
            .decide(id: try request.pathID(context), sourceKey: try request.sourceKey(in: store), approve: approve, note: note,
                    policy: configuration.ruleSet.approvals, rules: configuration.ruleSet.matching)
    }
}
