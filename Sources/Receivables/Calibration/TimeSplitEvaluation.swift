public import Ledger

/// The model as it would have done had it run on day `split`: it learns only from what was known before
/// that day (invoices paid by then, and how overdue the open ones were) and predicts every invoice open on it; what came later says whether each was paid late —
/// later than the prediction's threshold, or still open once the threshold passed. An invoice still open
/// at the data's end before its threshold passed has no outcome yet: left out, and counted.
///
/// The amount open on the split day is taken to be the invoice's total: payments made before it on an
/// invoice settled later are not in `CustomerInvoice`, so the worklist weighs a part-paid invoice in full.
public struct TimeSplitEvaluation: Sendable, Codable, Hashable {
    public var split: LocalDate
    /// The last day the data covers.
    public var dataEnd: LocalDate
    /// Paid invoices the model learned from.
    public var learnedFrom: Int
    /// Invoices open on the split day whose outcome is known: what the calibration scores.
    public var scored: Int
    /// Invoices open on the split day still open at the data's end before their threshold passed.
    public var excluded: Int
    public var calibration: CalibrationReport
    /// The Brier score of the company's prior alone (every invoice gets the company's share of late
    /// payments at its threshold): what the model must beat to be worth more than the average.
    public var priorOnlyBrierScore: Double
    /// The worklist on the split day, the most cash at risk first, cut at `listed` invoices.
    public var worklist: [LatePaymentPrediction]

    public init(invoices: [CustomerInvoice], creditNotes: [CustomerCreditNote] = [], split: LocalDate, dataEnd: LocalDate, rules: DelayModelRules,
                listed: Int = 20) {
        self.split = split
        self.dataEnd = dataEnd
        // What was known when the split day began: invoices issued before it, paid or still open.
        let known = invoices.filter { $0.invoiceDate < split }
        let model = PaymentDelayModel(history: known, creditNotes: creditNotes, knownOn: split.adding(days: -1), rules: rules)
        let openOnSplit = invoices.filter { $0.invoiceDate <= split && ($0.paidOn.map { $0 >= split } ?? true) }.map { invoice in
            var asOnSplit = invoice
            asOnSplit.open = invoice.total
            asOnSplit.paidOn = nil
            return asOnSplit
        }
        let paidOn = Dictionary(invoices.map { ($0.id, $0.paidOn) }, uniquingKeysWith: { first, _ in first })
        var outcomes: [(probability: Double, late: Bool)] = [], priorOnly: [(probability: Double, late: Bool)] = []
        var excluded = 0
        for invoice in openOnSplit {
            let prediction = model.predict(invoice, asOf: split)
            let threshold = prediction.explanation.thresholdDays
            let late: Bool
            if let paid = paidOn[invoice.id] ?? nil {
                late = invoice.dueDate.days(until: paid) > threshold
            } else if invoice.dueDate.days(until: dataEnd) > threshold {
                late = true
            } else {
                excluded += 1
                continue
            }
            outcomes.append((prediction.probability, late))
            priorOnly.append((prediction.explanation.priorShare, late))
        }
        learnedFrom = known.filter { $0.paidOn.map { $0 < split } ?? false }.count
        scored = outcomes.count
        self.excluded = excluded
        calibration = CalibrationReport(outcomes)
        priorOnlyBrierScore = CalibrationReport(priorOnly, bands: 1).brierScore
        worklist = Array(CollectionsWorklist.rank(openOnSplit, model: model, asOf: split).prefix(listed))
    }

    public var brierScore: Double { calibration.brierScore }

    /// The share of the worklist's first `count` invoices whose customer `isChased` picks (1 when the list is empty).
    public func precision(atTop count: Int, _ isChased: (Int) -> Bool) -> Double {
        let top = worklist.prefix(count)
        return top.isEmpty ? 1 : Double(top.filter { isChased($0.invoice.customerID) }.count) / Double(top.count)
    }

    /// How many of the worklist's first `count` invoices belong to a customer `matches` picks.
    public func count(inTop count: Int, _ matches: (Int) -> Bool) -> Int {
        worklist.prefix(count).filter { matches($0.invoice.customerID) }.count
    }
}
