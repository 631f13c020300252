import CloseSettings
import CloseStore
import Ledger
import Receivables

/// Settles the open promises of a ledger against what is open now: kept once the promised amount came in,
/// broken once the promised day and the grace passed without it (audited; the webhook says `promise.broken`).
/// Returns every promise of the ledger as it now stands.
struct PromiseReview {
    let store: AppDatabase
    let rules: PromiseRules
    let actor: String

    func review(_ ledger: CollectionsLedger) throws -> [PromiseToPay] {
        let all = try store.promises(sourceKey: ledger.sourceKey)
        return try all.map { promise in
            guard promise.status == .open else { return promise }
            let openNow = ledger.openInvoices(customerID: promise.customerID, ids: promise.invoiceIDs).reduce(Int64(0)) { $0 + $1.open.minorUnits }
            let outcome = promise.outcome(openNow: Money(minorUnits: openNow, currency: promise.amount.currency, scale: promise.amount.scale),
                                          asOf: ledger.asOf, graceDays: rules.graceDays)
            return outcome == .open ? promise : try store.resolvePromise(promise.id, as: outcome, actor: actor)
        }
    }
}
