public import CloseStore
public import Ledger
public import Receivables

/// The collector's list for one pulled ledger: open customer invoices ranked by cash at risk, each with
/// its probability of paying late, the predicted pay date and the reason, and what a collector recorded
/// (a dispute takes the invoice off the list's chase; a promise says when the money is expected).
public struct CollectionsWorklistService: Sendable {
    public var store: AppDatabase

    public init(store: AppDatabase) {
        self.store = store
    }

    public func worklist(sourceKey: SourceKey, asOf: LocalDate? = nil, rules: ReceivablesRules, limit: Int? = nil) throws -> CollectionsWorklistReport {
        let ledger = try CollectionsLedger(store: store, sourceKey: sourceKey, asOf: asOf)
        let ranked = CollectionsWorklist.rank(ledger.book.open, model: ledger.model(rules.model), asOf: ledger.asOf)
        let disputes = Dictionary(try store.disputes(sourceKey: sourceKey, statuses: [.open]).map { ($0.invoiceID, $0) }, uniquingKeysWith: { a, _ in a })
        let promises = try store.promises(sourceKey: sourceKey, statuses: [.open])
        let shown = limit.map { Array(ranked.prefix($0)) } ?? ranked
        let entries = shown.map { prediction in
            let invoice = prediction.invoice
            let promise = promises.first { $0.customerID == invoice.customerID && ($0.invoiceIDs.isEmpty || $0.invoiceIDs.contains(invoice.id)) }
            return CollectionsWorklistReport.Entry(prediction: prediction, reason: prediction.explanation.text,
                                                   daysOverdue: max(0, invoice.dueDate.days(until: ledger.asOf)),
                                                   dispute: disputes[invoice.id]?.reason, promisedOn: promise?.promisedOn)
        }
        let atRisk = ranked.reduce(Int64(0)) { $0 + $1.cashAtRiskMinorUnits }
        let open = ranked.reduce(Int64(0)) { $0 + $1.invoice.open.minorUnits }
        let currency = ledger.snapshot.company.currency
        return CollectionsWorklistReport(source: sourceKey, asOf: ledger.asOf, openInvoices: ranked.count, open: currency.money(open),
                                         cashAtRisk: currency.money(atRisk), entries: entries)
    }
}

/// The ranked list as the CLI, the API and the dashboard show it.
public struct CollectionsWorklistReport: Sendable, Codable {
    public struct Entry: Sendable, Codable {
        public var prediction: LatePaymentPrediction
        public var reason: String
        public var daysOverdue: Int
        /// Why the customer disputes it, when a collector recorded a dispute: the invoice is its owner's now.
        public var dispute: String?
        public var promisedOn: LocalDate?
    }

    public var source: SourceKey
    public var asOf: LocalDate
    public var openInvoices: Int
    public var open: Money
    public var cashAtRisk: Money
    public var entries: [Entry]
}
