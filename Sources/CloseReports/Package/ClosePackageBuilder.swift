import CloseChecks
public import CloseSettings
public import CloseStore
import CloseWorkflows
import Governance
public import Ledger
import BankMatching
import Receivables

/// Assembles a period's close package from the store, read-only: nothing is checked, proposed,
/// instantiated or audited here, so a package shows the close exactly as it stands (run `closer close`
/// first for a fresh picture).
public struct ClosePackageBuilder: Sendable {
    public var store: AppDatabase
    public var ruleSet: RuleSet

    public init(store: AppDatabase, ruleSet: RuleSet = .builtIn) {
        self.store = store
        self.ruleSet = ruleSet
    }

    public func build(sourceKey: SourceKey, period: Period, asOf: LocalDate) throws -> ClosePackage {
        let window = try store.requirePulled(period, sourceKey: sourceKey)
        let snapshot = try store.loadSnapshot(sourceKey: sourceKey)
        let balances = ComparativeTrialBalance(snapshot: snapshot, period: period, pulledFrom: window.first)
        let statementLines = snapshot.statementLines.filter { period.contains($0.date) }
        let proposals = try store.matchProposals(sourceKey: sourceKey).filter { period.contains($0.proposal.date) }
        let adjustments = try store.adjustments(sourceKey: sourceKey, period: period).map { stored in
            PackageAdjustment(stored, approvals: try store.approvals(of: ProposalRef(.adjustment, stored.id)))
        }
        let payables = PayablesSummary(reviews: try store.billReviews(sourceKey: sourceKey), period: period, asOf: asOf)
        let scope = AuditExcerpt.Scope(sourceKey: sourceKey, period: period, adjustmentIDs: Set(adjustments.map(\.id)),
                                       matchProposalIDs: Set(proposals.map(\.id)), statementLineIDs: Set(statementLines.map(\.id)),
                                       billIDs: payables.reviewedBillIDs)
        return ClosePackage(
            source: sourceKey, company: snapshot.company.name, currency: snapshot.company.currency.code, period: period, asOf: asOf,
            pulledFrom: window.first, trialBalance: balances, balanceSheet: BalanceSheet(balances, snapshot: snapshot),
            profitAndLoss: ProfitAndLoss(balances, currency: snapshot.company.currency),
            flux: Self.pulledComparisons(FluxService.report(snapshot: snapshot, sourceKey: sourceKey, period: period, thresholds: ruleSet.flux),
                                         company: snapshot.company, pulledFrom: window.first),
            reconciliation: ReconciliationSummary(statementLines: statementLines, proposals: proposals),
            openFindings: try store.latestFindings(sourceKey: sourceKey, period: period),
            checklist: try ChecklistService.storedBoard(in: store, sourceKey: sourceKey, period: period, asOf: asOf),
            adjustments: adjustments,
            payables: payables,
            receivables: try ReceivablesMeasuresService.report(book: ReceivablesBook(snapshot), source: sourceKey, asOf: period.end),
            audit: AuditExcerpt(events: try store.auditEvents(), verification: try store.verifyAuditTrail(),
                               latestCheckpoint: try store.latestAuditCheckpoint(), scope: scope))
    }
}

extension ClosePackageBuilder {
    /// Drops the variances whose base reaches before the pulled history: against a half-pulled base
    /// every account would seem to have "risen".
    static func pulledComparisons(_ report: FluxReport, company: Company, pulledFrom: LocalDate) -> FluxReport {
        let period = report.period
        let baseStart: [FluxComparison: LocalDate] = [
            .priorPeriod: period.previous.start,
            .samePeriodLastYear: period.advanced(by: -12).start,
            .yearToDate: FiscalYear.start(containing: period.start, company: company).adding(months: -12),
        ]
        var pulled = report
        pulled.variances.removeAll { (baseStart[$0.comparison] ?? pulledFrom) < pulledFrom }
        return pulled
    }
}

