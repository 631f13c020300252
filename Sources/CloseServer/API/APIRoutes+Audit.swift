import CloseStore
import Foundation
import Hummingbird

extension APIRoutes {
    var audit: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/audit", operationID: "listAuditEvents",
                                     summary: "The audit trail from a sequence number on, with the whole chain's verification.", access: .reader,
                                     parameters: [.init(name: "from", place: .query, type: "integer", description: "First sequence number (default 1).",
                                                        minimum: 1, maximum: Int(Int32.max)),
                                                  .init(name: "limit", place: .query, type: "integer", description: "At most this many events (default 500).",
                                                        minimum: 1, maximum: 5000)],
                                     responseSchema: "AuditPage")) { request, _ in
                let from = try request.integer("from", default: 1, in: 1...Int(Int64(Int32.max)))
                let limit = try request.integer("limit", default: 500, in: 1...5000)
                return JSONBody(AuditPage(verification: try store.verifyAuditTrail(trusting: configuration.auditKeys),
                                          events: Array(try store.auditEvents(from: Int64(from)).prefix(limit))))
            },
        ]
    }
}

struct AuditPage: Codable, Sendable {
    var verification: AuditVerification
    var events: [AuditEvent]
}
