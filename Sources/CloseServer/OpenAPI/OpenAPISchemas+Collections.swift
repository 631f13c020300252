/// The collections schemas: the worklist, reminders, promises and disputes, money as exact decimal text.
extension OpenAPISchemas {
    static var collections: [String: Any] {
        [
            "CollectionsWorklist": object(["source": string("The ledger."), "asOf": string("The day judged, YYYY-MM-DD."), "openInvoices": integer(),
                                           "open": decimal("Everything open"), "cashAtRisk": decimal("The sum of every open invoice's cash at risk"),
                                           "currency": string("The company currency, ISO 4217."), "entries": array(worklistEntry)],
                                          required: ["source", "asOf", "openInvoices", "open", "cashAtRisk", "currency", "entries"]),
            "Reminder": reminder,
            "ReminderList": object(["reminders": array(ref("Reminder"))], required: ["reminders"]),
            "ReminderDraftReport": object(["source": string("The ledger."), "asOf": string("The day judged, YYYY-MM-DD."),
                                           "reminders": array(ref("Reminder")), "new": integer(),
                                           "skipped": array(object(["invoiceID": integer(), "invoice": string("Odoo's number."), "customer": string("As in Odoo."),
                                                                    "reason": string("Why it gets no reminder, in words.")])),
                                           "writes": ["type": "boolean", "description": "Whether Closer wrote to Odoo (To-Dos, autonomous sending)."]],
                                          required: ["source", "asOf", "reminders", "new", "skipped", "writes"]),
            "Promise": promise,
            "PromiseList": object(["promises": array(ref("Promise"))], required: ["promises"]),
            "PromiseRequest": object(["customer": ["type": "integer", "minimum": 1, "description": "The customer's res.partner id."],
                                      "date": ["type": "string", "format": "date", "description": "The day the customer promised to pay by, YYYY-MM-DD."],
                                      "amount": optional(decimal("The amount promised (default: all the invoices have open)")),
                                      "invoices": optional(["type": "array", "items": integer(),
                                                            "description": "The invoices promised (default: every open invoice of the customer)."]),
                                      "note": optional(string("What was said, and by whom."))],
                                     required: ["customer", "date"], closed: true),
            "Dispute": dispute,
            "DisputeList": object(["disputes": array(ref("Dispute"))], required: ["disputes"]),
            "DisputeRequest": object(["invoice": ["type": "integer", "minimum": 1, "description": "The disputed customer invoice's id (account.move)."],
                                      "reason": string("What the customer disputes."),
                                      "owner": optional(string("Who sorts it out, an Odoo login (default: the invoice's salesperson)."))],
                                     required: ["invoice", "reason"], closed: true),
            "ResolveDisputeRequest": object(["resolution": string("How the dispute was resolved; the auditors read it.")], required: ["resolution"], closed: true),
        ]
    }

    private static var worklistEntry: [String: Any] {
        object(["invoiceID": integer(), "invoice": string("Odoo's number."), "customerID": integer(), "customer": string("As in Odoo."),
                "invoiceDate": date, "dueDate": date, "daysOverdue": integer(), "open": decimal("Open"), "currency": string("ISO 4217 code."),
                "probabilityBasisPoints": ["type": "integer", "minimum": 0, "maximum": 10_000, "description": "Probability of paying late, in basis points."],
                "probability": string("The same probability as decimal text, 0 to 1, e.g. 0.4213."), "predictedPayDate": date,
                "cashAtRisk": decimal("Open × probability"), "reason": string("Why, in words."),
                "fromPrior": ["type": "boolean", "description": "The customer had too little history: the company's prior decided."],
                "dispute": optional(string("What the customer disputes, when a collector recorded it.")),
                "promisedOn": optional(string("The day a promise to pay covers it until, YYYY-MM-DD."))],
               required: ["invoiceID", "invoice", "customerID", "customer", "dueDate", "daysOverdue", "open", "currency", "probabilityBasisPoints",
                          "probability", "predictedPayDate", "cashAtRisk", "reason", "fromPrior"])
    }

    private static var reminder: [String: Any] {
        let item = object(["invoiceID": integer(), "invoice": string("Odoo's number."), "dueDate": date, "daysOverdue": integer(), "open": decimal("Open")])
        let decision = object(["by": string("Login."), "at": string("UTC"), "note": optional(string("Why."))])
        return object(["id": integer(), "sourceKey": string("The ledger."), "customerID": integer(), "customer": string("As in Odoo."),
                       "level": integer(), "tone": string("friendly, firm or final"), "channel": string("email, letter or phone"),
                       "signedBy": string("collector or controller: a level the controller signs needs a controller's approval"),
                       "escalated": ["type": "boolean", "description": "Raised a level because a promise to pay was broken."],
                       "total": decimal("The invoices' open total"), "currency": string("ISO 4217 code."), "items": array(item),
                       "letter": string("The reminder's words."), "status": string("drafted, approved, sent, rejected or superseded"),
                       "asOf": date, "draftedBy": string("Login."), "draftedAt": string("UTC"), "decision": optional(decision),
                       "odooActivityID": optional(integer()), "odooMessageID": optional(integer()), "sentAt": optional(string("UTC"))],
                      required: ["id", "sourceKey", "customerID", "customer", "level", "channel", "signedBy", "total", "currency", "items", "letter", "status"])
    }

    private static var promise: [String: Any] {
        object(["id": integer(), "sourceKey": string("The ledger."), "customerID": integer(), "customer": string("As in Odoo."),
                "invoiceIDs": ["type": "array", "items": integer(), "description": "Empty: every invoice the customer had open."],
                "promisedOn": date, "amount": decimal("Promised"), "openAtRecording": decimal("What the invoices had open when it was recorded"),
                "currency": string("ISO 4217 code."), "note": optional(string("What was said.")), "recordedBy": string("Login."),
                "recordedAt": string("UTC"), "status": string("open, kept or broken"), "resolvedAt": optional(string("UTC"))],
               required: ["id", "sourceKey", "customerID", "customer", "invoiceIDs", "promisedOn", "amount", "currency", "status"])
    }

    private static var dispute: [String: Any] {
        object(["id": integer(), "sourceKey": string("The ledger."), "invoiceID": integer(), "invoiceName": string("Odoo's number."),
                "customerID": integer(), "customerName": string("As in Odoo."), "reason": string("What the customer disputes."),
                "ownerLogin": optional(string("Who sorts it out; null: the invoice's salesperson.")), "recordedBy": string("Login."),
                "recordedAt": string("UTC"), "status": string("open or resolved"), "resolvedBy": optional(string("Login.")),
                "resolvedAt": optional(string("UTC")), "resolution": optional(string("How it was resolved.")), "odooActivityID": optional(integer())],
               required: ["id", "sourceKey", "invoiceID", "invoiceName", "customerID", "customerName", "reason", "status"])
    }

    private static var date: [String: Any] { ["type": "string", "format": "date", "description": "YYYY-MM-DD."] }
}
