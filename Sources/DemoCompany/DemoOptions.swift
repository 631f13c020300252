public import Ledger

/// What to generate: the seed makes the books reproducible; `targetLines` scales the volume.
public struct DemoOptions: Sendable, Hashable {
    public var seed: UInt64
    public var closePeriod: Period
    public var historyMonths: Int
    /// Approximate number of journal lines; nil for a realistic small company (about 20,000 lines).
    public var targetLines: Int?

    public init(seed: UInt64 = 42, closePeriod: Period = try! Period(year: 2026, month: 10), historyMonths: Int = 12,
                targetLines: Int? = nil) {
        self.seed = seed
        self.closePeriod = closePeriod
        self.historyMonths = historyMonths
        self.targetLines = targetLines
    }

    /// The day the close is being done: a few days after the period ends, as in real life.
    public var asOf: LocalDate { closePeriod.end.adding(days: 5) }

    /// How many times the base company's business volume to generate (1 for the default company).
    var scale: Double {
        guard let targetLines else { return 1 }
        let months = Double(historyMonths + 1)
        let fixed = Double(DemoOptions.fixedLinesPerMonth) * months + Double(DemoOptions.plantedLines)
        return max(0.05, (Double(targetLines) - fixed) / (Double(DemoOptions.scaledLinesPerMonth) * months))
    }

    /// Journal lines one unit of scale adds per month, lines per month that do not scale (recurring
    /// vendors, payroll, closing entries, bank transfers), and the planted problems' lines. Measured;
    /// they keep `targetLines` within a percent or two.
    static let scaledLinesPerMonth = 1_544
    static let fixedLinesPerMonth = 86
    static let plantedLines = 150
}
