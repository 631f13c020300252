import CloseStore
import Ledger
import Receivables

/// Two credit holds proposed by the demo's preparer on customers over their limit: what the holds' API and
/// dashboard tests decide on (no Odoo is configured, so an approval waits to be applied).
enum SeededCreditHolds {
    static func overLimit(_ customer: Int, _ name: String) -> CreditVerdict {
        let eur = CurrencyCode("EUR")!, asOf = LocalDate(iso: "2026-10-31")!
        let credit = CustomerCredit(customerID: customer, customerName: name,
                                    openItems: [OpenReceivable(dueDate: asOf, amount: Money(minorUnits: 1_240_000, currency: eur))],
                                    uninvoicedOrders: Money.zero(eur), limit: Money(minorUnits: 1_000_000, currency: eur))
        return CreditPolicy(rules: CreditRules()).judge(credit, asOf: asOf)
    }

    /// The ids of the holds proposed on Acme Retail and Bolt <Trading>.
    static func seed(_ store: AppDatabase, source: SourceKey, proposer: String) throws -> (acme: Int64, bolt: Int64) {
        let acme = try store.proposeCreditHold(overLimit(42, "Acme Retail"), sourceKey: source, actor: proposer).hold
        let bolt = try store.proposeCreditHold(overLimit(43, "Bolt <Trading>"), sourceKey: source, actor: proposer).hold
        return (acme.id, bolt.id)
    }
}
