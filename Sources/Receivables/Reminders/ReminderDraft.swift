public import Ledger

/// A reminder for one customer: the level it has reached, the overdue invoices it lists and their total.
/// A draft until a collector approves it; the letter's words come from `ReminderLetter`.
public struct ReminderDraft: Sendable, Codable, Hashable {
    public struct Item: Sendable, Codable, Hashable {
        public var invoiceID: Int
        public var name: String
        public var dueDate: LocalDate
        public var daysOverdue: Int
        public var open: Money
    }

    public var customerID: Int
    public var customerName: String
    public var level: ReminderLevel
    /// Raised one level above what the days overdue give because a promise to pay was broken.
    public var escalated: Bool
    public var items: [Item]

    public var total: Money { items.dropFirst().reduce(items[0].open) { $0 + $1.open } }
    public var oldestDaysOverdue: Int { items.map(\.daysOverdue).max() ?? 0 }
}

/// An overdue invoice that gets no reminder, and why.
public struct SkippedInvoice: Sendable, Codable, Hashable {
    public var invoice: CustomerInvoice
    public var reason: ReminderExclusion
}

/// What one pass over the overdue invoices gives: a draft per customer and the invoices left out.
public struct ReminderPlan: Sendable, Codable, Hashable {
    public var drafts: [ReminderDraft]
    public var skipped: [SkippedInvoice]
}
