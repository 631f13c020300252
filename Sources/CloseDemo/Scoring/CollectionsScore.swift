public import DemoCompany
public import Ledger
public import Receivables

/// How the collections model does on the demo company, judged on what came after: a time split two
/// months before the close period (learn from what was paid before, predict what was open, see what
/// happened), its Brier score and calibration table, and how well the worklist on that day chases the
/// planted late payers (habitual or deteriorating) and leaves the planted on-time payers alone.
public struct CollectionsScore: Sendable, Codable, Hashable {
    public var evaluation: TimeSplitEvaluation
    /// Customers given each planted habit.
    public var plantedHabits: [String: Int]
    /// The share of the worklist's top 10 that belong to planted late payers.
    public var precisionAtTop10: Double
    /// Invoices of planted on-time payers in the worklist's top 10 and top 20.
    public var onTimeInTop10: Int
    public var onTimeInTop20: Int

    /// Months between the split day and the close period's start: long enough for what was open to resolve.
    public static let monthsBeforeClose = 2

    public static func score(_ book: ReceivablesBook, against truth: GroundTruth, rules: DelayModelRules) -> CollectionsScore {
        let habits = Dictionary(truth.paymentHabits.map { ($0.customerID, $0.habit) }, uniquingKeysWith: { first, _ in first })
        let evaluation = TimeSplitEvaluation(invoices: book.invoices, creditNotes: book.creditNotes, split: truth.period.advanced(by: -monthsBeforeClose).start,
                                             dataEnd: truth.period.end, rules: rules)
        let isOnTime = { (customer: Int) in habits[customer] == .onTime }
        return CollectionsScore(evaluation: evaluation, plantedHabits: Dictionary(grouping: truth.paymentHabits, by: \.habit.rawValue).mapValues(\.count),
                                precisionAtTop10: evaluation.precision(atTop: 10) { habits[$0]?.isLatePayer ?? false },
                                onTimeInTop10: evaluation.count(inTop: 10, isOnTime), onTimeInTop20: evaluation.count(inTop: 20, isOnTime))
    }
}
