import CloseWorkflows
import Governance
import Foundation
import Hummingbird
import CloseStore

extension APIRoutes {
    var checklist: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/checklist", operationID: "getChecklist",
                                     summary: "The period's close checklist: each task's status, owner, due date, what blocks it and who signed it off.",
                                     access: .reader, parameters: [Self.sourceParameter, Self.periodParameter, Self.asOfParameter],
                                     responseSchema: "ChecklistBoard")) { request, _ in
                let source = try request.sourceKey(in: store)
                guard let period = try request.period() ?? store.latestChecklistPeriod(sourceKey: source) else {
                    throw ChecklistError.noChecklist(source: source, period: nil)
                }
                return JSONBody(try ChecklistService(store: store, actor: CloserUser.agentLogin)
                    .board(sourceKey: source, period: period, asOf: try request.asOf()))
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/checklist/tasks/{key}/done", operationID: "signOffTask",
                                     summary: "Sign off a manual task with a comment.", access: .action(.signOff),
                                     parameters: [.init(name: "key", place: .path, required: true, description: "The task's key."),
                                                  Self.sourceParameter, Self.periodParameter, Self.asOfParameter],
                                     requestSchema: "SignOffRequest", responseSchema: "ChecklistBoard")) { request, context in
                let body = try await request.json(SignOffRequest.self)
                guard let key = context.parameters.get("key") else { throw APIError.badParameter("key", "is missing") }
                return JSONBody(try ChecklistService(store: store, actor: try context.actor)
                    .signOff(sourceKey: try request.sourceKey(in: store), period: try request.period(), taskKey: key, comment: body.comment,
                             asOf: try request.asOf()))
            },
        ]
    }
}

struct SignOffRequest: RequestBody, Codable, Sendable {
    static let fields: Set<String> = ["comment"]
    var comment: String
}
