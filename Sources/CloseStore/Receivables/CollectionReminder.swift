public import Ledger
public import Receivables

/// A customer's reminder as the store keeps it: the draft and its words, where it stands, who decided,
/// and what Closer left in Odoo (the collector's To-Do, the sent message).
public struct CollectionReminder: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, Hashable, CaseIterable {
        /// Waiting for a collector.
        case drafted
        /// Approved; sent unless its channel is a letter or a call, which the collector makes.
        case approved
        case sent
        case rejected
        /// A later draft (the invoices changed) or nothing left to remind replaced it.
        case superseded
    }

    public struct Decision: Sendable, Codable, Hashable {
        public var by: String
        public var at: String
        public var note: String?
    }

    public var id: Int64
    public var sourceKey: SourceKey
    public var draft: ReminderDraft
    public var letter: String
    public var status: Status
    public var asOf: LocalDate
    public var draftedBy: String
    public var draftedAt: String
    public var decision: Decision?
    public var odooActivityID: Int?
    public var odooMessageID: Int?
    public var sentAt: String?

    public var isOpen: Bool { status == .drafted || status == .approved }

    /// What makes two drafts the same reminder: the level and each invoice with its open amount.
    public static func itemsKey(_ draft: ReminderDraft) -> String {
        "L\(draft.level.level):" + draft.items.map { "\($0.invoiceID)=\($0.open.minorUnits)" }.joined(separator: ",")
    }
}
