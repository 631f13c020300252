public import CloseChecks
public import CloseWorkflows
public import Ledger

/// Everything an approver or auditor reads to sign a month off, assembled from the store by
/// `ClosePackageBuilder` and rendered as HTML, CSV and JSON by `ClosePackage.documents(_:)`.
/// Amounts are exact `Money` throughout.
public struct ClosePackage: Sendable, Codable {
    public var source: SourceKey
    public var company: String
    public var currency: CurrencyCode
    public var period: Period
    /// The day the package speaks for (checklist due dates are judged by it).
    public var asOf: LocalDate
    /// The first day of pulled history: balances cover posted entries from here on, as pulled.
    public var pulledFrom: LocalDate
    public var trialBalance: ComparativeTrialBalance
    public var balanceSheet: BalanceSheet
    public var profitAndLoss: ProfitAndLoss
    public var flux: FluxReport
    public var reconciliation: ReconciliationSummary
    /// The latest check run's findings; nil when the period was never checked.
    public var openFindings: [Finding]?
    /// Nil when no checklist was started for the period (`closer checklist` starts it).
    public var checklist: ChecklistBoard?
    public var adjustments: [PackageAdjustment]
    /// The period's vendor bills as the intake left them (`closer payables intake`).
    public var payables: PayablesSummary
    /// DSO, average days delinquent, CEI and aging up to the period's end, with each customer's in the period.
    public var receivables: ReceivablesMeasuresReport
    public var audit: AuditExcerpt

    /// Open findings per severity, every severity present.
    public var findingsBySeverity: [(severity: Severity, count: Int)] {
        Severity.allCases.map { severity in (severity, openFindings?.filter { $0.severity == severity }.count ?? 0) }
    }
}
