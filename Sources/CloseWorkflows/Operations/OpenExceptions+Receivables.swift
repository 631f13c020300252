import CloseStore
import Governance
import Ledger
import Receivables

extension OpenExceptions {
    /// Credit holds waiting for a decision or to be set in Odoo, reminders drafted and not decided, promises broken
    /// and not followed up, disputes not resolved (owned by whom the dispute was given to).
    func receivables() throws -> [BusinessException] {
        var found: [BusinessException] = []
        for hold in try store.creditHolds(statuses: [.proposed, .approved]) {
            let kind = hold.status == .proposed ? "credit-hold-proposed" : "credit-hold-not-applied"
            found.append(exception(.receivables, kind, source: hold.sourceKey, subject: hold.title, reason: hold.reasons.joined(separator: "; "),
                                   record: RecordRef(model: "res.partner", id: hold.partnerID, name: hold.partnerName),
                                   openedAt: (hold.approved ?? hold.proposed).at))
        }
        for reminder in try store.reminders(statuses: [.drafted]) {
            let draft = reminder.draft
            found.append(exception(.receivables, "reminder-drafted", source: reminder.sourceKey,
                                   subject: "level \(draft.level.level) reminder to \(draft.customerName)",
                                   reason: "\(draft.items.count) overdue invoice(s) wait for the reminder's approval",
                                   record: RecordRef(model: "res.partner", id: draft.customerID, name: draft.customerName), openedAt: reminder.draftedAt))
        }
        for promise in try store.promises(statuses: [.broken]) {
            found.append(exception(.receivables, "promise-broken", source: promise.sourceKey, subject: "promise to pay of \(promise.customerName)",
                                   reason: "\(promise.amount) promised for \(promise.promisedOn) was not paid",
                                   record: RecordRef(model: "res.partner", id: promise.customerID, name: promise.customerName),
                                   openedAt: promise.resolvedAt ?? promise.recordedAt))
        }
        for dispute in try store.disputes(statuses: [.open]) {
            found.append(exception(.receivables, "dispute-open", source: dispute.sourceKey, subject: "dispute on \(dispute.invoiceName) of \(dispute.customerName)",
                                   reason: dispute.reason, record: RecordRef(model: "account.move", id: dispute.invoiceID, name: dispute.invoiceName),
                                   owner: dispute.ownerLogin, openedAt: dispute.recordedAt))
        }
        return found
    }
}
