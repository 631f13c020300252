/// The operations view's schema: business exceptions with owner, age and SLA, and technical incidents apart.
extension OpenAPISchemas {
    static var operations: [String: Any] {
        let family = ["type": "string", "enum": ["payables", "receivables", "treasury", "expenses", "duties"], "description": "The area."] as [String: Any]
        let record = optional(object(["model": string("Odoo model, e.g. account.move."), "id": integer(), "name": string("As in Odoo.")]))
        let exception = object([
            "family": family, "kind": string("Stable within the area, e.g. bill-blocked, bank-change-unverified, category-limit, sod-did."),
            "sourceKey": string("The ledger."), "subject": string("What it is about."), "reason": string("What is wrong and what to do."),
            "record": record, "owner": string("A Closer role, a login, or an Odoo user's name marked (Odoo)."),
            "openedAt": string("When it was found, UTC."), "slaDays": integer(), "ageDays": integer(),
            "overdue": ["type": "boolean", "description": "Open longer than its SLA."],
        ], required: ["family", "kind", "sourceKey", "subject", "reason", "owner", "openedAt", "slaDays", "ageDays", "overdue"])
        let incident = object([
            "kind": ["type": "string", "enum": ["odoo-unreachable", "webhook-dead-letter", "run-failed"]] as [String: Any],
            "key": string("Stable while the incident stands, e.g. scheduled-run/42."), "subject": string("What failed."),
            "detail": string("The error as recorded (never a secret)."), "since": string("UTC."),
        ], required: ["kind", "key", "subject", "detail", "since"])
        return [
            "OperationsBoard": object(["asOf": string("UTC."), "exceptions": array(exception), "incidents": array(incident),
                                       "overdue": integer()], required: ["asOf", "exceptions", "incidents", "overdue"]),
        ]
    }
}
