import CloseStore
import CloseWorkflows
import Ledger
import Receivables

/// A payment reminder as the API sends it: the level and who signs it, the invoices and total as exact decimal
/// text, the letter's words, and where it stands.
struct ReminderJSON: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        var invoiceID: Int
        var invoice: String
        var dueDate: LocalDate
        var daysOverdue: Int
        var open: String
    }

    var id: Int64
    var sourceKey: SourceKey
    var customerID: Int
    var customer: String
    var level: Int
    var tone: String
    var channel: String
    var signedBy: String
    /// Raised a level because a promise to pay was broken.
    var escalated: Bool
    var total: String
    var currency: String
    var items: [Item]
    var letter: String
    var status: String
    var asOf: LocalDate
    var draftedBy: String
    var draftedAt: String
    var decision: CollectionReminder.Decision?
    var odooActivityID: Int?
    var odooMessageID: Int?
    var sentAt: String?

    init(_ reminder: CollectionReminder) {
        let draft = reminder.draft
        id = reminder.id
        sourceKey = reminder.sourceKey
        customerID = draft.customerID
        customer = draft.customerName
        level = draft.level.level
        tone = draft.level.tone.rawValue
        channel = draft.level.channel.rawValue
        signedBy = draft.level.signedBy.rawValue
        escalated = draft.escalated
        total = draft.total.decimalText
        currency = "\(draft.total.currency)"
        items = draft.items.map { Item(invoiceID: $0.invoiceID, invoice: $0.name, dueDate: $0.dueDate, daysOverdue: $0.daysOverdue, open: $0.open.decimalText) }
        letter = reminder.letter
        status = reminder.status.rawValue
        asOf = reminder.asOf
        draftedBy = reminder.draftedBy
        draftedAt = reminder.draftedAt
        decision = reminder.decision
        odooActivityID = reminder.odooActivityID
        odooMessageID = reminder.odooMessageID
        sentAt = reminder.sentAt
    }
}

/// What a drafting pass left, as the API sends it: the ledger's open reminders, how many are new, and the
/// overdue invoices left out with the reason in words.
struct ReminderDraftJSON: Encodable, Sendable {
    struct Skipped: Encodable, Sendable {
        var invoiceID: Int
        var invoice: String
        var customer: String
        var reason: String
    }

    var source: SourceKey
    var asOf: LocalDate
    var reminders: [ReminderJSON]
    var new: Int
    var skipped: [Skipped]
    /// Whether Closer wrote to Odoo (the collector's To-Dos, autonomous sending).
    var writes: Bool

    init(_ report: ReminderDraftReport) {
        source = report.source
        asOf = report.asOf
        reminders = report.reminders.map(ReminderJSON.init)
        new = report.new
        skipped = report.skipped.map { Skipped(invoiceID: $0.invoice.id, invoice: $0.invoice.name, customer: $0.invoice.customerName, reason: $0.reason.text) }
        writes = report.writes
    }
}
