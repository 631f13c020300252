/// The treasury schemas: payment runs with their groups and left-out bills, held bank accounts and verifications;
/// money as exact decimal text with its currency.
extension OpenAPISchemas {
    static var treasury: [String: Any] {
        let step = object(["by": string("Login."), "at": string("UTC."), "reason": optional(string("Why (a rejection or supersession)."))],
                          required: ["by", "at"])
        let payment = object([
            "billID": integer(), "bill": string("Odoo's number."), "vendorID": integer(), "vendor": string("As in Odoo."),
            "reference": string("The vendor's reference."), "dueDate": string("YYYY-MM-DD."), "amount": decimal("Paid"),
            "currency": string("ISO 4217 code."), "iban": string("The account paid, as the pre-flight checked it."),
            "discountTaken": ["type": "boolean", "description": "Paid early, less the early-payment discount."],
            "odooPayment": optional(string("Odoo's payment, once created.")),
        ], required: ["billID", "bill", "vendorID", "vendor", "amount", "currency", "iban", "discountTaken"])
        let group = object([
            "journalID": integer(), "journal": string("The bank journal paid from."), "currency": string("ISO 4217 code."), "total": decimal("The group's total"),
            "balanceBefore": optional(decimal("The journal's projected balance before")), "balanceAfter": optional(decimal("After the run")),
            "payments": array(payment),
        ], required: ["journalID", "journal", "currency", "total", "payments"])
        let leftOut = object([
            "billID": integer(), "bill": string("Odoo's number."), "vendor": string("As in Odoo."), "amount": decimal("Open"),
            "currency": string("ISO 4217 code."), "reasons": array(string("Why it is not paid, and what to do.")),
        ], required: ["billID", "bill", "vendor", "amount", "currency", "reasons"])
        let verification = object(["by": string("Login."), "channel": string("How it was confirmed."), "at": string("UTC.")],
                                  required: ["by", "channel", "at"])
        return [
            "PaymentRun": object([
                "id": integer(), "reference": string("The id banks and Odoo see, CLOSER-RUN-<id>."), "sourceKey": string("The ledger."),
                "status": ["type": "string", "enum": ["proposed", "approved", "paid", "rejected", "superseded"]] as [String: Any],
                "executionDate": string("The day the bank executes it, YYYY-MM-DD."), "payBy": string("Bills due by this day are paid, YYYY-MM-DD."),
                "proposed": step, "approved": optional(step), "closed": optional(step), "groups": array(group), "leftOut": array(leftOut),
                "notDue": integer(), "files": ["type": "integer", "description": "The pain.001 files the run gives (one per journal); 0 until approved."],
            ], required: ["id", "reference", "sourceKey", "status", "executionDate", "payBy", "proposed", "groups", "leftOut", "notDue", "files"]),
            "PaymentRunList": object(["runs": array(ref("PaymentRun"))], required: ["runs"]),
            "ProposePaymentRunRequest": object([
                "executionDate": optional(["type": "string", "format": "date", "description": "The day the bank executes the payments (default: today)."]),
                "payBy": optional(["type": "string", "format": "date", "description": "Pay the bills due by this day (default: the execution date)."]),
                "journalID": optional(["type": "integer", "minimum": 1, "description": "Pay every bill from this bank journal (default: one per bill's currency)."]),
            ], closed: true),
            "HeldBankAccount": object([
                "sourceKey": string("The ledger."), "accountID": integer(), "partnerID": integer(), "vendor": optional(string("As a payment run saw it.")),
                "number": optional(string("As the last pull saw it.")), "holder": optional(string("The account holder's name.")),
                "change": ["type": "string", "enum": ["created", "number-changed", "holder-changed", "details-changed"]] as [String: Any],
                "changeWords": string("The change in words."), "detail": optional(string("Old → new, when Odoo's tracking shows it.")),
                "changedAt": string("When the change was made in Odoo, UTC."), "changedBy": array(string("Who made such a change since: none may verify it.")),
                "coolOffUntil": string("The day the cool-off ends, YYYY-MM-DD."), "verifications": array(verification),
                "unverified": ["type": "boolean", "description": "No one but the changers verified it yet."],
                "releasedBy": string("What lets its payments go, in words."),
            ], required: ["sourceKey", "accountID", "partnerID", "change", "changedAt", "changedBy", "coolOffUntil", "verifications", "unverified", "releasedBy"]),
            "HeldBankAccountList": object(["accounts": array(ref("HeldBankAccount"))], required: ["accounts"]),
            "VerifyBankAccountRequest": object(["channel": string("How the account was confirmed with the vendor, e.g. a call to the number on an earlier contract — not one from the change request.")],
                                               required: ["channel"], closed: true),
            "BankVerification": object(["accountID": integer(), "by": string("Login."), "channel": string("How."), "at": string("UTC.")],
                                       required: ["accountID", "by", "channel", "at"]),
        ]
    }
}

/// The expense check's and the duties review's schemas.
extension OpenAPISchemas {
    static var controls: [String: Any] {
        let record = object(["model": string("Odoo model."), "id": integer(), "name": string("As in Odoo.")])
        let expenseFinding = object([
            "kind": string("A stable kind: category-limit, daily-limit, report-limit, missing-receipt, near-duplicate, shared-receipt, self-approval, …"),
            "reportID": integer(), "reportName": string("As in Odoo."), "expenses": array(record), "message": string("What is wrong, in words."),
        ], required: ["kind", "reportID", "message"])
        let report = object([
            "id": integer(), "name": string("The report."), "employee": string("Who claims."), "state": string("Odoo's state."),
            "approver": optional(string("Who approves it.")), "total": optional(string("The live expenses' total.")), "findings": array(expenseFinding),
        ], required: ["id", "name", "employee", "state", "findings"])
        let dutyFinding = object([
            "kind": ["type": "string", "enum": ["did", "can", "administrator"]] as [String: Any], "person": record, "login": string("Odoo login."),
            "vendor": optional(record), "conflicts": array(["type": "object"]), "evidence": array(["type": "object", "description": "One act: who did what to which record, when."]),
            "message": string("The conflict in words."), "fix": string("What to do."),
        ], required: ["kind", "person", "login", "message", "fix"])
        return [
            "ExpenseCheckRequest": object(["period": optional(["type": "string", "pattern": "^(19|[2-9][0-9])[0-9]{2}-(0[1-9]|1[0-2])$",
                                                               "description": "Check the reports with an expense in this period, YYYY-MM (default: every open report)."])],
                                          closed: true),
            "ExpenseCheck": object([
                "runID": integer(), "checkedAt": string("UTC."),
                "report": object(["source": string("The ledger."), "period": optional(string("YYYY-MM; null: the open reports.")),
                                  "writes": ["type": "boolean", "description": "Whether findings were noted in Odoo (not in audit mode)."],
                                  "approversKnown": ["type": "boolean", "description": "False: each report's manager stood in for its approver."],
                                  "reports": array(report), "posts": optional(["type": "object", "description": "What was noted in Odoo."])],
                                 required: ["source", "writes", "approversKnown", "reports"]),
            ], required: ["runID", "checkedAt", "report"]),
            "DutiesReport": object([
                "source": string("The ledger."), "since": string("YYYY-MM-DD."),
                "trackingRead": ["type": "boolean", "description": "Whether Odoo's tracking was readable (else who changed what rests on last writers)."],
                "closerJoined": ["type": "boolean", "description": "Whether Closer's users and bill approvals were joined."],
                "people": integer(), "findings": array(dutyFinding),
            ], required: ["source", "since", "trackingRead", "closerJoined", "people", "findings"]),
        ]
    }
}
