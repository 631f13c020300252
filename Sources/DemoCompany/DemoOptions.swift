import Ledger

/// What to generate: the seed makes the books reproducible; `targetLines` scales the volume.
public struct DemoOptions: Sendable, Hashable {
    public var seed: UInt64 = 42
    public var closePeriod: Period = try! Period(year: 2026, month: 10)
    public var historyMonths: Int = 12
    /// Approximate number of journal lines; nil for a realistic small company (about 20,000 lines).
    public var targetLines: Int?

    public init() {}

    /// The day the close is being done: a few days after the period ends, as in real life.
    public var asOf: LocalDate { closePeriod.end.adding(days: 5) }

    /// How many times the base company's business volume to generate (below 1 for a small
    /// company, e.g. one quick to push into an Odoo).
    var volume: Double {
        guard let targetLines else { return 1 }
        return max(0.02, Double(targetLines - DemoOptions.fixedLines) / Double(DemoOptions.linesPerVolume))
    }

    /// `count` scaled by the volume, never below one.
    func scaled(_ count: Int) -> Int { max(1, Int((Double(count) * volume).rounded())) }

    /// Journal lines one unit of volume adds over 13 months, and lines that do not scale
    /// (recurring vendors, payroll, closing entries, planted problems). Measured; they keep
    /// `targetLines` within a few percent.
    static let linesPerVolume = 18_850
    static let fixedLines = 860
    static var baseLines: Int { linesPerVolume + fixedLines }
}
