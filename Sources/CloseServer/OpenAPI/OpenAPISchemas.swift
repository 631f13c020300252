import CloseChecks
import CloseStore

/// The JSON schemas the OpenAPI document refers to. Request bodies are described field by field
/// (they are what clients write); responses name their main fields and allow the rest, since they
/// carry Closer's own records whole.
enum OpenAPISchemas {
    static var all: [String: Any] {
        [
        "Error": object(["error": object(["code": string("A stable code: unauthenticated, forbidden, policy_refused, not_found, conflict, malformed_request, payload_too_large, …"),
                                          "message": string("What went wrong and what to do about it.")], required: ["code", "message"])],
                        required: ["error"]),
        "Status": object(["status": string("ok or ready.")], required: ["status"]),
        "OpenAPIDocument": ["type": "object"],
        "ApproveRequest": object(["note": optional(string("Why it is approved."))], closed: true),
        "RejectRequest": object(["reason": string("Why it is rejected; the next reviewer and the auditors read it.")], required: ["reason"], closed: true),
        "BulkApproveRequest": object(["period": optional(period), "minConfidence": ["type": "number", "minimum": 0, "maximum": 1,
                                                                                   "description": "Approve proposals at or above this confidence."],
                                      "note": optional(string("Note recorded with each approval."))], required: ["minConfidence"], closed: true),
        "SignOffRequest": object(["comment": string("What was done; reviewers and auditors read it.")], required: ["comment"], closed: true),
        "LockRequestBody": object(["period": period, "children": optional(array(string("A subsidiary's source key.")))],
                                  required: ["period"], closed: true),
        "LockApproveBody": object(["confirmHardLock": optional(["type": "boolean"]), "children": optional(array(string("A subsidiary's source key.")))],
                                  closed: true),
        "CompanyList": object(["companies": array(object(["source": string("The ledger's source key."), "name": string("The company's name."),
                                                          "latestCheckedPeriod": string("YYYY-MM")]))], required: ["companies"]),
        "RunList": object(["runs": array(object(["id": integer(), "kind": string("pull, check, reconcile, propose, …"), "status": string("running, succeeded, failed or interrupted"),
                                                 "startedAt": string("UTC"), "finishedAt": string("UTC"), "summary": string("The run's summary, a JSON object.")]))],
                          required: ["runs"]),
        "FindingPage": object(["source": string("The ledger."), "period": string("YYYY-MM"), "runId": integer(), "total": integer(), "limit": integer(),
                               "offset": integer(), "findings": array(finding)], required: ["findings", "total", "period"]),
        "DismissRequest": object(["fingerprint": string("The finding's fingerprint, as the findings list gives it."),
                                  "scope": ["type": "string", "enum": DismissalScope.Choice.allCases.map(\.rawValue),
                                            "description": "record: the finding's records at their amounts; partner or account: the check's findings on the finding's partner or account; kind: the whole check (a controller)."] as [String: Any],
                                  "reason": string("Why; the next controller and the auditors read it."),
                                  "until": optional(string("The last day it holds, YYYY-MM-DD; required for kind, at most the rule set's triage.dismissal_max_days away.")),
                                  "period": optional(period)],
                                 required: ["fingerprint", "scope", "reason"], closed: true),
        "Dismissal": dismissal,
        "DismissalList": object(["dismissals": array(["$ref": "#/components/schemas/Dismissal"])], required: ["dismissals"]),
        "DuplicateBillReport": object(["source": string("The ledger."), "period": string("YYYY-MM"), "checked": integer(), "searched": integer(),
                                       "hits": array(object(["score": ["type": "number"], "signals": array(string("exact-reference, same-attachment, …")),
                                                             "reason": string("Why, in words."), "bill": ["type": "object"], "original": ["type": "object"]]))],
                                      required: ["hits", "checked", "period"]),
        "ReleaseBillRequest": object(["reason": string("Why the bill may be paid despite what intake found; the auditors read it.")], required: ["reason"],
                                     closed: true),
        "BillHold": billHold,
        "DecideBillRequest": object(["approve": ["type": "boolean"], "comment": optional(string("Why; required to reject."))], required: ["approve"],
                                    closed: true),
        "BillApprovalEntry": object(["source": string("The ledger."), "billID": integer(), "bill": string("The bill and its vendor."),
                                     "amount": string("In company currency, exact decimal text."), "currency": string("ISO 4217 code."),
                                     "status": string("pending, approved or rejected"),
                                     "waiting": optional(object(["level": integer(), "of": integer(), "roles": array(string("approver or controller")),
                                                                 "reason": string("Why this level."), "ageDays": integer()])),
                                     "ageDays": integer(), "preparer": optional(string("Odoo login that entered the bill.")),
                                     "decisions": array(["type": "object"])],
                                    required: ["source", "billID", "bill", "amount", "currency", "status", "ageDays", "decisions"]),
        "BillApprovalList": object(["bills": array(["$ref": "#/components/schemas/BillApprovalEntry"])], required: ["bills"]),
        "CreditHold": creditHold,
        "CreditHoldList": object(["holds": array(["$ref": "#/components/schemas/CreditHold"])], required: ["holds"]),
        "BillHoldList": object(["bills": array(["$ref": "#/components/schemas/BillHold"])], required: ["bills"]),
        "ReceivablesMeasuresReport": object(["source": string("The ledger."), "asOf": string("The day measured, YYYY-MM-DD."),
                                             "period": string("YYYY-MM: the month of the headline and the customer table."),
                                             "customerID": optional(integer()), "months": array(receivablesMeasure),
                                             "customers": array(object(["customerID": integer(), "customerName": string("As in Odoo."),
                                                                        "measure": receivablesMeasure]))],
                                            required: ["source", "asOf", "period", "months", "customers"]),
        "ProposalList": object(["proposals": array(storedProposal)], required: ["proposals"]),
        "ProposalDetail": object(["proposal": storedProposal, "approvals": array(approval)], required: ["proposal", "approvals"]),
        "ReviewedProposal": object(["proposal": storedProposal, "approvals": array(approval),
                                    "outstanding": string("What the policy still needs before the proposal counts as approved.")], required: ["proposal"]),
        "BulkApproveResult": object(["decided": array(["$ref": "#/components/schemas/ReviewedProposal"]),
                                     "refused": array(object(["id": integer(), "reason": string("The policy's refusal.")]))], required: ["decided", "refused"]),
        "MatchProposalList": object(["proposals": array(object(["id": integer(), "status": string("proposed, approved, …"), "proposal": ["type": "object"]]))],
                                    required: ["proposals"]),
        "ReviewedMatch": object(["proposal": ["type": "object"], "approvals": array(approval), "outstanding": string("What the policy still needs.")],
                                required: ["proposal"]),
        "ChecklistBoard": object(["source": string("The ledger."), "period": string("YYYY-MM"), "rows": array(["type": "object"])]),
        "LockRequest": object(["id": integer(), "period": string("YYYY-MM"), "status": string("requested, refused, approved, …"),
                               "blockers": array(string("What blocks the lock.")), "requestedBy": string("Login."), "approvedBy": string("Login.")]),
        "LockRequestList": object(["lockRequests": array(["$ref": "#/components/schemas/LockRequest"])], required: ["lockRequests"]),
        "OdooWebhook": object(["_model": string("The record's model, e.g. account.move."), "_id": integer()], required: ["_model", "_id"]),
        "WebhookAccepted": object(["source": string("The ledger to be refreshed."), "model": string("The model touched."), "recordID": integer()],
                                  required: ["source", "model", "recordID"]),
        "WebhookDelivery": object(["id": integer(), "eventType": ["type": "string", "enum": WebhookEventType.allCases.map(\.rawValue),
                                                                  "description": "What happened (the Closer-Event header)."] as [String: Any],
                                   "status": string("pending, delivered or dead"), "attempts": integer(), "lastError": string("Why the last attempt failed.")]),
        "WebhookDeliveryList": object(["deliveries": array(["$ref": "#/components/schemas/WebhookDelivery"])], required: ["deliveries"]),
        "ScheduledRunList": object(["runs": array(object(["schedule": string("The schedule's name."), "sourceKey": string("The ledger."),
                                                          "status": string("running, succeeded, failed, skipped-overlap or interrupted")]))],
                                   required: ["runs"]),
        "AuditPage": object(["verification": ["type": "object"], "events": array(object(["seq": integer(), "actor": string("Who."), "action": string("What."),
                                                                                          "recordedAt": string("UTC")]))], required: ["verification", "events"]),
    ].merging(collections) { first, _ in first }.merging(operations) { first, _ in first }.merging(treasury) { first, _ in first }
        .merging(controls) { first, _ in first }
    }

    private static var billHold: [String: Any] {
        object(["source": string("The ledger."), "billID": integer(), "bill": string("Odoo's number of the bill."), "reference": optional(string("The vendor's reference.")),
                "vendor": string("The vendor's name."), "amount": string("The bill's total as exact decimal text, e.g. 1234.50."),
                "currency": string("ISO 4217 code."), "status": string("clear, warned, blocked or released"),
                "action": optional(string("warn, second-approver or hold; null when nothing was found.")), "reasons": array(string("A problem and what to do.")),
                "ageDays": optional(integer()), "slaDays": integer(), "overdue": ["type": "boolean"], "preparer": optional(string("Odoo login that entered the bill.")),
                "owner": optional(string("The AP clerk of the rule set, else the preparer.")),
                "release": optional(object(["by": string("Login."), "at": string("UTC"), "reason": string("Why.")]))],
               required: ["source", "billID", "bill", "vendor", "amount", "currency", "status", "reasons", "slaDays", "overdue"])
    }
    private static var creditHold: [String: Any] {
        let step = object(["by": string("Login."), "at": string("UTC"), "reason": optional(string("Why (a release or rejection)."))])
        return object(["id": integer(), "sourceKey": string("The ledger."), "partnerID": integer(), "partnerName": string("The customer."),
                       "status": string("proposed, approved, applied, released or rejected"),
                       "exposure": string("Receivable plus confirmed orders not yet invoiced when proposed, exact decimal text."),
                       "limit": optional(string("The customer's credit limit, exact decimal text; null when none.")),
                       "seriouslyOverdue": string("Receivable more than the rule's days overdue, exact decimal text."), "currency": string("ISO 4217 code."),
                       "reasons": array(string("A rule the customer breaks, in words.")), "proposed": step, "approved": optional(step),
                       "applied": optional(step), "closed": optional(step),
                       "odooBlock": optional(string("claimed, set, lifting or lifted: the blocking sales warning in Odoo.")),
                       "previousWarning": optional(object(["level": string("no-message, warning or block"), "message": optional(string("Its text."))]))],
                      required: ["id", "sourceKey", "partnerID", "partnerName", "status", "exposure", "seriouslyOverdue", "currency", "reasons", "proposed"])
    }
    private static var dismissal: [String: Any] {
        object(["id": integer(), "checkID": string("The check whose findings it covers."),
                "scope": object(["type": string("record, partner, account or kind"),
                                 "records": optional(array(object(["model": string("Odoo model."), "id": integer(), "name": string("As Odoo names it."),
                                                                   "amount": optional(integer())]))),
                                 "id": optional(integer()), "name": optional(string("The partner or account."))], required: ["type"]),
                "reason": string("Why."), "until": optional(string("The last day it holds, YYYY-MM-DD.")), "decidedBy": string("Login."),
                "decidedAt": string("UTC"), "withdrawnBy": optional(string("Login.")), "withdrawnAt": optional(string("UTC"))],
               required: ["id", "checkID", "scope", "reason", "decidedBy", "decidedAt"])
    }
    private static var finding: [String: Any] { object(["checkID": string("The check."), "severity": string("blocking, warning or advisory"),
                                         "message": string("What was found, in words."), "records": array(["type": "object"]),
                                         "ranking": optional(object([
                                             "rank": integer(), "onFirstScreen": ["type": "boolean", "description": "Every blocking finding, then the warnings risky or material enough."],
                                             "materiality": string("material, moderate, trivial or unknown"), "materialityBasisPoints": optional(integer()),
                                             "risk": ["type": "number", "description": "0 to 1: severity, an anomaly's score, the kind's weight."],
                                             "riskReason": optional(string("Why the company's history weighs the kind's risk up or down.")),
                                             "amount": optional(object(["minorUnits": integer(), "currency": string("ISO 4217 code."), "scale": integer()]))]))]) }
    private static var storedProposal: [String: Any] { object(["id": integer(), "status": string("proposed, approved, rejected, applied, …"),
                                                "proposal": ["type": "object"], "evidenceSHA256": string("Hash of what is approved.")]) }
    private static var approval: [String: Any] { object(["login": string("Who approved."), "role": string("The role it counts under."),
                                          "evidenceSHA256": string("The version approved."), "approvedAt": string("UTC")]) }

    /// One month's collection measures; money as {minorUnits, currency, scale}, days and percents as decimals to a tenth.
    private static var receivablesMeasure: [String: Any] {
        let money: [String: Any] = object(["minorUnits": integer(), "currency": string("ISO 4217 code."), "scale": integer()])
        let tenth = { (what: String) -> [String: Any] in optional(["type": "number", "description": what]) }
        return object(["period": string("YYYY-MM"), "asOf": string("The last day measured."), "openingReceivables": money, "creditSales": money,
                       "closingReceivables": money, "closingCurrent": money,
                       "dsoDays": tenth("Closing receivables / the month's credit sales × its days; null without sales."),
                       "averageDaysDelinquent": tenth("Days past due weighted by the amount owed; null when nothing is owed."),
                       "collectionEffectivenessPercent": tenth("(Opening + credit sales − closing) / (opening + credit sales − closing not yet due) × 100."),
                       "aging": object(["current": money, "days1To30": money, "days31To60": money, "days61To90": money, "over90": money])],
                      required: ["period", "asOf", "closingReceivables", "aging"])
    }

    private static var period: [String: Any] {
        ["type": "string", "pattern": "^(19|[2-9][0-9])[0-9]{2}-(0[1-9]|1[0-2])$", "description": "A period, YYYY-MM."]
    }

    static func object(_ properties: [String: Any], required: [String] = [], closed: Bool = false) -> [String: Any] {
        var schema: [String: Any] = ["type": "object", "properties": properties]
        if !required.isEmpty { schema["required"] = required }
        if closed { schema["additionalProperties"] = false }
        return schema
    }

    /// A field that may be left out or sent as null.
    static func optional(_ schema: [String: Any]) -> [String: Any] {
        var nullable = schema
        nullable["type"] = [schema["type"] as? String ?? "string", "null"]
        return nullable
    }

    /// An amount as exact decimal text, e.g. 1234.50.
    static func decimal(_ what: String) -> [String: Any] {
        ["type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$", "description": "\(what), exact decimal text in the currency named, e.g. 1234.50."]
    }

    static func ref(_ schema: String) -> [String: Any] { ["$ref": "#/components/schemas/\(schema)"] }
    static func string(_ description: String) -> [String: Any] { ["type": "string", "description": description] }
    static func integer() -> [String: Any] { ["type": "integer"] }
    static func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }
}
