public import Foundation
public import Ledger

/// What Closer tells subscribers about. The raw values are the names targets subscribe to in the
/// configuration and the `Closer-Event` header of each delivery.
public enum WebhookEventType: String, Sendable, Codable, CaseIterable, Comparable {
    case findingOpened = "finding.opened"
    case proposalNeedsApproval = "proposal.needs-approval"
    case taskOverdue = "task.overdue"
    case periodLocked = "period.locked"
    /// Intake held a vendor bill (no payment until resolved or released).
    case billHeld = "bill.held"
    /// A vendor bill waits for a second approver before payment.
    case billNeedsApproval = "bill.needs-approval"
    /// A vendor bill did not pass its purchase-order match.
    case billMatchException = "bill.match-exception"
    /// A customer over the credit policy has a credit hold waiting for approval.
    case creditHoldProposed = "credit.hold.proposed"
    /// An approved credit hold blocks the customer for new sales in Odoo.
    case creditHoldApplied = "credit.hold.applied"
    /// A credit hold was released (the customer is back within policy).
    case creditHoldReleased = "credit.hold.released"
    /// A payment reminder was drafted and waits for a collector's approval.
    case reminderReady = "reminder.ready"
    /// A customer's promise to pay passed its day and grace without the money.
    case promiseBroken = "promise.broken"
    /// A person can, or did, both alter a vendor (or its bank details) and approve or pay its bills, or approved their own expense.
    case sodConflict = "sod.conflict"
    /// A proposed payment run waits for a second person's approval.
    case paymentRunReady = "payment.run.ready"
    /// A change to a vendor's bank details (added, new number or holder) holds its payments until a second person verifies it.
    case bankChangeHeld = "bank.change.held"
    /// Something technical broke (Odoo unreachable, a webhook that gave up, a failed run): for the administrator's pager.
    case incidentOpened = "incident.opened"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One thing that happened, as a subscriber receives it. `key` is stable: deriving the same event again
/// yields the same key, so it is never enqueued twice for a target.
public struct WebhookEvent: Sendable, Codable, Hashable {
    public var key: String
    public var type: WebhookEventType
    public var source: SourceKey
    public var period: String?
    /// UTC, e.g. "2026-11-30T03:15:00.000Z".
    public var occurredAt: String
    /// Flat, human-readable facts (record names, amounts as decimal text, links); never a secret.
    public var details: [String: String]

    public init(key: String, type: WebhookEventType, source: SourceKey, period: String?, occurredAt: String, details: [String: String]) {
        self.key = key
        self.type = type
        self.source = source
        self.period = period
        self.occurredAt = occurredAt
        self.details = details
    }

    /// The JSON body a target receives: sorted keys, so the same event always has the same bytes.
    public var body: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// A configured receiver of outgoing webhooks and the event types it subscribed to.
public struct WebhookTarget: Sendable, Hashable {
    public var url: URL
    public var events: Set<WebhookEventType>

    public init(url: URL, events: Set<WebhookEventType>) {
        self.url = url
        self.events = events
    }
}
