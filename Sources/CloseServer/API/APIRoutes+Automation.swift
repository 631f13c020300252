import Automation
import CloseStore
import CloseWorkflows
import Foundation
import Hummingbird
import Ledger

extension APIRoutes {
    var automationRoutes: [Route] {
        [
            Route(endpoint: Endpoint(method: .post, path: "/webhooks/odoo", operationID: "receiveOdooWebhook",
                                     summary: "For Odoo automation rules (\"Send Webhook Notification\"): verified by the shared secret (?token= or X-Closer-Webhook-Secret), it queues an incremental pull and check of the company and answers 202 at once.",
                                     access: .sharedSecret,
                                     parameters: [.init(name: "token", place: .query, description: "The shared secret (Odoo's server action cannot send headers)."),
                                                  Self.sourceParameter],
                                     requestSchema: "OdooWebhook", responseSchema: "WebhookAccepted", successStatus: 202)) { request, _ in
                try await receiveOdooWebhook(request)
            },
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/webhooks/deliveries", operationID: "listWebhookDeliveries",
                                     summary: "Outgoing notifications: pending, delivered, or dead letters after their last retry.", access: .admin,
                                     parameters: [.init(name: "status", place: .query, description: "pending, delivered or dead.",
                                                        pattern: "^(pending|delivered|dead)?$")],
                                     responseSchema: "WebhookDeliveryList")) { request, _ in
                var status: WebhookDelivery.Status?
                if let text = request.query("status") {
                    guard let parsed = WebhookDelivery.Status(rawValue: text) else { throw APIError.badParameter("status", "must be pending, delivered or dead") }
                    status = parsed
                }
                return JSONBody(["deliveries": try store.webhookDeliveries(status: status)])
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/webhooks/deliveries/{id}/requeue", operationID: "requeueWebhookDelivery",
                                     summary: "Send a dead letter again (after fixing the receiver).", access: .admin, parameters: [Self.idParameter],
                                     responseSchema: "WebhookDelivery")) { request, context in
                JSONBody(try store.requeueDeadLetter(id: try request.pathID(context), actor: try context.actor))
            },
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/schedule/runs", operationID: "listScheduledRuns",
                                     summary: "The scheduler's history: each slot run, failed, or skipped because a run of the company was still going.",
                                     access: .reader,
                                     parameters: [.init(name: "schedule", place: .query, description: "Only this schedule's runs."),
                                                  .init(name: "limit", place: .query, type: "integer", description: "At most this many (default 200).",
                                                        minimum: 1, maximum: 1000)],
                                     responseSchema: "ScheduledRunList")) { request, _ in
                JSONBody(["runs": try store.scheduledRuns(schedule: request.query("schedule"),
                                                          limit: try request.integer("limit", default: 200, in: 1...1000))])
            },
        ]
    }

    private func receiveOdooWebhook(_ request: Request) async throws -> JSONBody<WebhookAccepted> {
        guard let automation else {
            throw AutomationError.webhooksNotConfigured(AutomationConfig.defaultPath)
        }
        var request = request
        let body = try await request.collectBody(upTo: .max)   // BodyLimitMiddleware already bounded it
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
        let source = try request.namedSourceKey ?? automation.config.inbound?.sourceKey ?? CheckService.onlySourceKey(in: store)
        let touch = try await automation.acceptOdooWebhook(headers: headers, query: query, body: Array(body.readableBytesView), sourceKey: source)
        return JSONBody(WebhookAccepted(source: source, model: touch.model, recordID: touch.recordID), status: .accepted)
    }
}

/// The answer to an accepted Odoo webhook: what it touched and which ledger will be refreshed.
struct WebhookAccepted: Codable, Sendable {
    var source: SourceKey
    var model: String
    var recordID: Int
}
