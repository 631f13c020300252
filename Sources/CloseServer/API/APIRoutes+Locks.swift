import Governance
import CloseWorkflows
import Foundation
import Hummingbird
import CloseStore
import CloseSettings
import Ledger

extension APIRoutes {
    var locks: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/lock-requests", operationID: "listLockRequests",
                                     summary: "Period lock requests with their blockers and who approved them.", access: .reader,
                                     parameters: [Self.sourceParameter], responseSchema: "LockRequestList")) { request, _ in
                JSONBody(["lockRequests": try store.lockRequests(sourceKey: try request.sourceKey(in: store))])
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/lock-requests", operationID: "requestLock",
                                     summary: "Ask for a period's lock: recorded as refused with every blocker, or waiting for a controller.",
                                     access: .action(.requestLock), parameters: [Self.sourceParameter, Self.asOfParameter],
                                     requestSchema: "LockRequestBody", responseSchema: "LockRequest", successStatus: 201)) { request, context in
                let body = try await request.json(LockRequestBody.self)
                let period = try Request.period(body.period)
                let saved = try PeriodLockService(store: store, actor: try context.actor, policy: configuration.ruleSet.lock)
                    .request(sourceKey: try request.sourceKey(in: store), period: period, children: body.children ?? [], asOf: try request.asOf())
                return JSONBody(saved, status: .created)
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/lock-requests/{id}/approve", operationID: "approveLock",
                                     summary: "Approve a waiting lock request as a controller: re-checks the gate, writes the lock dates to Odoo and reads them back.",
                                     access: .action(.approveLock), parameters: [Self.idParameter, Self.sourceParameter, Self.asOfParameter],
                                     requestSchema: "LockApproveBody", responseSchema: "LockRequest", callsOdoo: true)) { request, context in
                let body = try await request.json(LockApproveBody.self)
                guard let odoo = configuration.odoo else {
                    throw APIError.noOdoo("Approving a lock")
                }
                return JSONBody(try await PeriodLockService(store: store, actor: try context.actor, policy: configuration.ruleSet.lock)
                    .approve(id: try request.pathID(context), sourceKey: try request.sourceKey(in: store), settings: odoo,
                             confirmHardLock: body.confirmHardLock ?? false, children: body.children ?? [], asOf: try request.asOf()))
            },
        ]
    }
}

struct LockRequestBody: RequestBody, Codable, Sendable {
    static let fields: Set<String> = ["period", "children"]
    var period: String
    /// Source keys of subsidiaries that must be locked first.
    var children: [SourceKey]?
}

struct LockApproveBody: RequestBody, Codable, Sendable {
    static let fields: Set<String> = ["confirmHardLock", "children"]
    var confirmHardLock: Bool?
    var children: [SourceKey]?
}
