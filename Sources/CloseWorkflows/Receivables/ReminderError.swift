/// Why a reminder cannot go out as asked, and what to do.
public enum ReminderError: Error, CustomStringConvertible, Equatable {
    case controllerSigns(level: Int)
    case noEmail(customer: String)
    case settledSinceDraft(invoices: [String])

    public var description: String {
        switch self {
        case .controllerSigns(let level):
            "Level \(level) reminders are signed by the controller (the rule set's signed_by): a controller approves them."
        case .noEmail(let customer):
            "\(customer) has no email address in Odoo: add one on the customer, or reject this draft and reach them by letter or phone."
        case .settledSinceDraft(let invoices):
            "Odoo shows \(invoices.joined(separator: ", ")) paid since this reminder was drafted: pull and draft again (`closer collections reminders --draft`)."
        }
    }
}
