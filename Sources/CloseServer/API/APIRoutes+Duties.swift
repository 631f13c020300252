import CloseWorkflows
import Governance
import Hummingbird
import Ledger

extension APIRoutes {
    /// `closer duties` over HTTP: the segregation-of-duties review, read live from Odoo.
    var duties: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/duties", operationID: "dutiesReview",
                                     summary: "Segregation of duties over vendors, read live from Odoo: who changed a vendor or its bank account and also posted, approved or paid its bills (did), whose groups let them do both (can), and the administrators; each with its evidence and the fix. Read-only in Odoo.",
                                     access: .reader, parameters: [
                                         .init(name: "since", place: .query, description: "Look at bills and payments dated from this day, YYYY-MM-DD (default: a year ago).",
                                               format: "date"),
                                     ], responseSchema: "DutiesReport", callsOdoo: true)) { request, context in
                guard let odoo = configuration.odoo else { throw APIError.noOdoo("The duties review") }
                let since = try request.date("since") ?? LocalDate.todayUTC().adding(months: -12)
                return JSONBody(try await DutiesService(settings: odoo, store: store, actor: try context.actor).review(since: since))
            },
        ]
    }
}
