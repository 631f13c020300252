import CloseSettings
import CloseStore
import CloseWorkflows
import Governance
import Hummingbird
import Ledger
import Receivables

extension APIRoutes {
    /// The collector's worklist and the payment reminders: drafting, and a person's approval or rejection.
    var collections: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/collections/worklist", operationID: "collectionsWorklist",
                                     summary: "Open customer invoices of a pulled ledger, the most cash at risk first (open amount × probability of paying late), with the predicted pay date and the reason in words; read-only.",
                                     access: .reader, parameters: [
                                         Self.sourceParameter,
                                         .init(name: "asOf", place: .query, description: "The day judged, YYYY-MM-DD (default: today, or the last day pulled when earlier).",
                                               format: "date"),
                                         .init(name: "limit", place: .query, type: "integer", description: "Only the first N invoices (default: all).",
                                               minimum: 1, maximum: Self.worklistLimit),
                                     ], responseSchema: "CollectionsWorklist")) { request, _ in
                let limit = try request.query("limit").map { _ in try request.integer("limit", default: Self.worklistLimit, in: 1...Self.worklistLimit) }
                let report = try CollectionsWorklistService(store: store).worklist(sourceKey: try request.sourceKey(in: store), asOf: try request.date("asOf"),
                                                                                  rules: configuration.ruleSet.receivables, limit: limit)
                return JSONBody(WorklistJSON(report))
            },
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/collections/reminders", operationID: "listReminders",
                                     summary: "Payment reminders, highest level and largest total first: the letter, its level and signer, where it stands and who decided.",
                                     access: .reader, parameters: [
                                         Self.everyLedgerParameter,
                                         .init(name: "status", place: .query, description: "drafted (default), approved, sent, rejected, superseded or all.",
                                               pattern: "^(drafted|approved|sent|rejected|superseded|all)?$"),
                                     ], responseSchema: "ReminderList")) { request, _ in
                let statuses: Set<CollectionReminder.Status> = try Self.statuses(request, default: "drafted")
                return JSONBody(["reminders": try store.reminders(sourceKey: request.namedSourceKey, statuses: statuses).map(ReminderJSON.init)])
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/collections/reminders/draft", operationID: "draftReminders",
                                     summary: "Draft one reminder per customer from the overdue invoices (the rule set's ladder), leaving out disputed, promised and paid-meanwhile invoices; a rerun changes nothing that did not change. Outside audit mode each new draft leaves the collector a To-Do in Odoo.",
                                     access: .action(.draftReminders), parameters: [
                                         Self.sourceParameter,
                                         .init(name: "asOf", place: .query, description: "The day judged, YYYY-MM-DD (default: today, or the last day pulled when earlier).",
                                               format: "date"),
                                     ], responseSchema: "ReminderDraftReport")) { request, context in
                let report = try await configuration.reminderService(store: store, actor: try context.actor).draft(sourceKey: try request.sourceKey(in: store), asOf: try request.date("asOf"))
                return JSONBody(ReminderDraftJSON(report))
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/collections/reminders/{reminderID}/approve", operationID: "approveReminder",
                                     summary: "Approve a drafted reminder as the caller (a level the controller signs needs a controller); an email reminder is sent from the customer's chatter at once where Closer may write.",
                                     access: .action(.approveReminders), parameters: [Self.reminderIDParameter], requestSchema: "ApproveRequest",
                                     responseSchema: "Reminder", callsOdoo: true)) { request, context in
                let body = try await request.json(ApproveRequest.self)
                return JSONBody(ReminderJSON(try await decideReminder(context, approve: true, note: body.note)))
            },
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/collections/reminders/{reminderID}/reject", operationID: "rejectReminder",
                                     summary: "Reject a drafted reminder as the caller, with a reason the auditors read; nothing is sent.",
                                     access: .action(.approveReminders), parameters: [Self.reminderIDParameter], requestSchema: "RejectRequest",
                                     responseSchema: "Reminder")) { request, context in
                let body = try await request.json(RejectRequest.self)
                return JSONBody(ReminderJSON(try await decideReminder(context, approve: false, note: body.reason)))
            },
        ]
    }

    /// The most a worklist page lists.
    static let worklistLimit = 10_000

    static let reminderIDParameter = Endpoint.Parameter(name: "reminderID", place: .path, type: "integer", required: true,
                                                        description: "The reminder's id in Closer.", format: "int64", minimum: 1)

    private func decideReminder(_ context: CloserRequestContext, approve: Bool, note: String?) async throws -> CollectionReminder {
        guard let user = context.user else { throw APIError.unauthenticated }
        guard let id = context.parameters.get("reminderID", as: Int64.self), id > 0 else {
            throw APIError.badParameter("reminderID", "must be a reminder's id (a positive whole number)")
        }
        return try await configuration.reminderService(store: store, actor: user.login).decide(id: id, approve: approve, note: note, by: user)
    }

    /// The statuses `status` names: one of the queue's, or `all`; `fallback` when it is not given.
    static func statuses<Status: RawRepresentable & CaseIterable & Hashable>(_ request: Request, default fallback: String) throws -> Set<Status>
        where Status.RawValue == String {
        let name = request.query("status") ?? fallback
        if name == "all" { return Set(Status.allCases) }
        guard let status = Status(rawValue: name) else {
            throw APIError.badParameter("status", "must be \(Status.allCases.map(\.rawValue).joined(separator: ", ")) or all")
        }
        return [status]
    }
}
