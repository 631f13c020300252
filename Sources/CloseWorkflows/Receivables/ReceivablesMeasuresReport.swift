public import Ledger
public import Receivables

/// The collection measures of one pulled ledger as the CLI, API, dashboard, package and metrics show them:
/// every month's (the company's, or one customer's), and each customer's in the month asked about.
public struct ReceivablesMeasuresReport: Sendable, Codable {
    public var source: SourceKey
    public var asOf: LocalDate
    /// The month the headline and the customer table are for.
    public var period: Period
    /// Set when the report is about one customer.
    public var customerID: Int?
    /// Oldest first; the company's, or the customer's when `customerID` is set.
    public var months: [ReceivablesMeasure]
    /// The month's customers, the most owed first.
    public var customers: [ReceivablesMeasures.CustomerMeasure]

    /// The measures of `period`; nil when the ledger has no customer invoice yet.
    public var headline: ReceivablesMeasure? { months.last { $0.period == period } }
}
