public import Ledger

/// The collector's list: open customer invoices, the most cash at risk first (open amount × probability
/// of paying late), then the oldest due date. Reliable payers sink because their probability is low.
public enum CollectionsWorklist {
    public static func rank(_ open: [CustomerInvoice], model: PaymentDelayModel, asOf: LocalDate) -> [LatePaymentPrediction] {
        // Ranked on small keys, and each prediction built once, in its place: holding a million whole predictions
        // twice and moving them while sorting cost more than the ranking itself.
        var keys: [Key] = []
        keys.reserveCapacity(open.count)
        for (index, invoice) in open.enumerated() where invoice.open.minorUnits > 0 {
            keys.append(Key(risk: model.cashAtRiskMinorUnits(invoice, asOf: asOf), id: invoice.id, due: invoice.dueDate.daysSinceEpoch, index: index))
        }
        keys.sort { a, b in (b.risk, a.due, a.id) < (a.risk, b.due, b.id) }
        return keys.map { model.predict(open[$0.index], asOf: asOf) }
    }

    struct Key {
        var risk: Int64
        var id: Int
        var due: Int32
        var index: Int
    }
}
