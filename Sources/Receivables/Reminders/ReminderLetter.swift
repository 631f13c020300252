/// The reminder's words: a greeting, the overdue invoices and their total, what is asked in the level's
/// tone, and the signature. Plain text; Odoo escapes it when it becomes a message.
public enum ReminderLetter {
    public static func text(_ draft: ReminderDraft, signedBy signature: String, companyName: String) -> String {
        let lines = draft.items.map { item in
            "- \(item.name), due \(item.dueDate) (\(item.daysOverdue) days overdue): \(item.open)"
        }
        let ask: String = switch draft.level.tone {
        case .friendly:
            "Our records show the invoices below as past due. Perhaps they crossed with your payment; if so, please disregard this note."
        // The level follows the days overdue, not the reminders sent: a customer's first reminder may be firm or final,
        // so no letter claims one before it.
        case .firm:
            "The invoices below are well past due and remain unpaid. Please pay them within 7 days, or tell us at once what stands in the way."
        case .final:
            "This is our final notice. Unless the invoices below are paid within 7 days, we will hold further deliveries on credit and pass the matter on for collection."
        }
        return ([
            "Dear \(draft.customerName),",
            "",
            ask,
            "",
        ] + lines + [
            "",
            "Total overdue: \(draft.total)",
            "",
            "If you believe any of these amounts is wrong, please reply so we can look into it.",
            "",
            "Kind regards,",
            signature,
            companyName,
        ]).joined(separator: "\n")
    }
}
