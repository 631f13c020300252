public import Ledger

/// The collector's list: open customer invoices, the most cash at risk first (open amount × probability
/// of paying late), then the oldest due date. Reliable payers sink because their probability is low.
public enum CollectionsWorklist {
    public static func rank(_ open: [CustomerInvoice], model: PaymentDelayModel, asOf: LocalDate) -> [LatePaymentPrediction] {
        let predictions = open.filter { $0.open.minorUnits > 0 }.map { model.predict($0, asOf: asOf) }
        // Sorted by small keys, then gathered: moving a million whole predictions while sorting costs more than ranking them.
        let keys = predictions.map { (risk: $0.cashAtRiskMinorUnits, due: $0.invoice.dueDate.daysSinceEpoch, id: $0.invoice.id) }
        let order = keys.indices.sorted { a, b in
            (keys[b].risk, keys[a].due, keys[a].id) < (keys[a].risk, keys[b].due, keys[b].id)
        }
        return order.map { predictions[$0] }
    }
}
