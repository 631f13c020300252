import CloseStore
import Governance
import Ledger
import Payables

extension OpenExceptions {
    /// Bills the intake blocked or warned about and not released, and bills waiting on their approval route (owned by
    /// the roles the waiting level names).
    func payables() throws -> [BusinessException] {
        var found: [BusinessException] = []
        // Held bills keep the intake's own owner and SLA (`payables.intake`), as its exception queue shows them.
        let queue = BillHoldQueue(store: store, rules: intake)
        for review in try store.billReviews(statuses: [.blocked, .warned]) {
            let entry = queue.entry(review)
            let kind = review.status == .blocked ? "bill-blocked" : "bill-warned"
            var held = exception(.payables, kind, source: review.sourceKey, subject: "bill \(entry.bill) of \(entry.vendor)",
                                 reason: entry.reasons.joined(separator: "; "), record: RecordRef(model: "account.move", id: review.billID, name: entry.bill),
                                 owner: entry.owner, openedAt: review.flaggedAt ?? review.checkedAt)
            held.slaDays = entry.slaDays
            found.append(held)
        }
        for approval in try store.billApprovals(statuses: [.pending]) {
            guard let waiting = approval.waiting() else { continue }
            found.append(exception(.payables, "approval-waiting", source: approval.sourceKey, subject: approval.facts.billTitle,
                                   reason: "level \(waiting.level) of \(waiting.of): \(waiting.reason)",
                                   record: RecordRef(model: "account.move", id: approval.billID, name: approval.facts.billTitle),
                                   owner: ApprovalLevel.anyOf(waiting.roles), openedAt: approval.decisions.last?.decidedAt ?? approval.enteredAt))
        }
        return found
    }
}
