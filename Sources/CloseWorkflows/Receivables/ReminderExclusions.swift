import BankMatching
import CloseStore
import Ledger
import Receivables

/// What keeps an overdue invoice out of the reminders, from the store and the pulled ledger: an open
/// dispute, an open promise whose day has not passed, or a payment the bank matcher finds on a statement
/// line not yet reconciled.
enum ReminderExclusions {
    static func find(in ledger: CollectionsLedger, disputes: [InvoiceDispute], promises: [PromiseToPay], rules: ReceivablesRules,
                     matchRules: MatchRules) -> [Int: ReminderExclusion] {
        var exclusions: [Int: ReminderExclusion] = [:]
        for (invoice, exclusion) in paymentsOnBankLines(ledger, matchRules: matchRules, atLeast: rules.reminders.paymentMatchScore) {
            exclusions[invoice] = exclusion
        }
        for promise in promises where promise.status == .open {
            for invoice in ledger.openInvoices(customerID: promise.customerID, ids: promise.invoiceIDs) {
                exclusions[invoice.id] = .promised(until: promise.promisedOn.adding(days: rules.promises.graceDays))
            }
        }
        for dispute in disputes where dispute.status == .open { exclusions[dispute.invoiceID] = .disputed(reason: dispute.reason) }
        return exclusions
    }

    /// Invoices a statement line not yet reconciled pays, as the bank matcher's best candidate for the line.
    static func paymentsOnBankLines(_ ledger: CollectionsLedger, matchRules: MatchRules, atLeast score: Double) -> [Int: ReminderExclusion] {
        let snapshot = ledger.snapshot
        guard snapshot.statementLines.contains(where: { !$0.isReconciled && $0.date <= ledger.asOf && $0.amount.minorUnits > 0 }) else { return [:] }
        let open = Set(ledger.book.open.map(\.id))
        let moveOfLine = Dictionary(snapshot.lines.lazy.filter { open.contains($0.moveID) }.map { ($0.id, $0.moveID) }, uniquingKeysWith: { a, _ in a })
        var found: [Int: ReminderExclusion] = [:]
        for proposal in BankMatcher(snapshot: snapshot, rules: matchRules).proposals(through: ledger.asOf) {
            guard let best = proposal.best, best.probability >= score else { continue }
            for move in Set(best.itemLineIDs.compactMap { moveOfLine[$0] }) {
                found[move] = .paymentOnBankLine(statementLineID: proposal.statementLineID, date: proposal.date, amount: proposal.amount,
                                                 probability: best.probability)
            }
        }
        return found
    }
}
