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
            let basisPoints = model.basisPoints(model.question(invoice, asOf: asOf))
            keys.append(Key(risk: PaymentDelayModel.cashAtRisk(invoice, basisPoints), id: invoice.id, due: invoice.dueDate.daysSinceEpoch,
                            basisPoints: Int32(basisPoints), index: index))
        }
        keys.sort { a, b in (b.risk, a.due, a.id) < (a.risk, b.due, b.id) }
        return keys.map { key in
            let invoice = open[key.index]
            return model.predict(invoice, asOf: asOf, model.question(invoice, asOf: asOf), basisPoints: Int(key.basisPoints))
        }
    }

    struct Key {
        var risk: Int64
        var id: Int
        var due: Int32
        var basisPoints: Int32
        var index: Int
    }
}
