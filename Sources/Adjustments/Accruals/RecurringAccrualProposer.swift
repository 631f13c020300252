import Ledger

/// Accrues the bills of recurring vendors that have not arrived for the period. A vendor is recurring
/// when it billed in at least `minimumMonths` of the `lookbackMonths` months before the period,
/// including each of the last two, with monthly totals that do not swing beyond the rule's spread;
/// a bill dated in the period (even a draft) means it arrived. Goods (cost-of-revenue accounts) are
/// left to the received-not-billed accrual, which values what actually arrived. The
/// estimate is the mean untaxed amount per expense account over the most recent billed months; the
/// accrual reverses on the first day of the next period, when the real bill is booked.
public struct RecurringAccrualProposer: AdjustmentProposer {
    public var kind: AdjustmentKind { .accrual }

    public init() {}

    public func proposals(in context: ProposalContext) -> [AdjustmentProposal] {
        guard let journal = context.adjustmentJournal, let accrued = context.accountsByCode[context.rules.accruedLiabilitiesCode] else { return [] }
        let history = VendorBillHistory(context: context)
        return history.vendors.compactMap { vendor in
            proposal(for: vendor, history: history, journal: journal, accrued: accrued, in: context)
        }
    }

    func proposal(for vendor: Int, history: VendorBillHistory, journal: Journal, accrued: Account,
                  in context: ProposalContext) -> AdjustmentProposal? {
        let rules = context.rules.recurring
        let months = history.billedMonths(of: vendor)
        let last = context.period.previous
        guard !history.billedInPeriod.contains(vendor), months.count >= rules.minimumMonths,
              months.contains(last), months.contains(last.previous) else { return nil }
        let estimateMonths = months.sorted(by: >).prefix(max(1, rules.estimateMonths))
        let monthly = estimateMonths.map { history.untaxed(of: vendor, in: $0) }
        let totals = monthly.map { $0.values.reduce(0, +) }
        guard let smallest = totals.min(), let largest = totals.max(), smallest > 0 else { return nil }
        // Spread of the monthly totals: identical bills are near-certain, a 25 % swing less so, a doubling is no recurring cost.
        let spreadPercent = Int((largest - smallest) * 100 / smallest)
        guard spreadPercent <= rules.maximumSpreadPercent else { return nil }
        var perAccount: [Int: Int64] = [:]
        for month in monthly { for (account, amount) in month { perAccount[account, default: 0] += amount } }
        let name = context.partnerName(vendor)
        var lines: [ProposedLine] = []
        var steps: [CalculationStep] = []
        for (account, sum) in perAccount.sorted(by: { $0.key < $1.key }) {
            let mean = Self.roundedMean(sum, count: estimateMonths.count)
            guard mean > 0 else { continue }
            lines.append(ProposedLine(accountID: account, partnerID: vendor, label: "Accrued: \(name) \(context.period)",
                                      amount: context.money(mean), analytic: history.latestAnalytic(of: vendor, account: account)))
            steps.append(CalculationStep("\(context.accountName(account)): mean of \(estimateMonths.count) months ("
                                         + monthly.map { context.money($0[account] ?? 0).description }.joined(separator: ", ") + ")",
                                         amount: context.money(mean)))
        }
        let total = lines.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        guard total > 0 else { return nil }
        lines.append(ProposedLine(accountID: accrued.id, partnerID: vendor, label: "Accrued: \(name) \(context.period)", amount: context.money(-total)))
        steps.append(CalculationStep("Credit \(accrued.displayName); reversed on \(context.period.next.start)", amount: context.money(total)))
        let regularity = Double(months.count) / Double(max(rules.lookbackMonths, months.count))
        let confidence = (spreadPercent <= rules.stableSpreadPercent ? 0.85 : 0.6) + 0.13 * regularity
        return AdjustmentProposal(
            kind: .accrual, company: context.companyRecord, period: context.period, subject: "partner-\(vendor)",
            entry: ProposedEntry(journalID: journal.id, date: context.period.end, ref: "Accrual \(name) \(context.period)", lines: lines,
                                 reversalDate: context.period.next.start),
            calculation: steps, evidence: [context.partnerRecord(vendor)] + history.latestBills(of: vendor, count: 3).map(context.moveRecord),
            confidence: min(confidence, 0.98),
            reason: "\(name) billed in \(months.count) of the \(rules.lookbackMonths) months before \(context.period) but not in it; "
                + "accrue the mean of its last \(estimateMonths.count) months (\(context.money(total)) before tax, monthly totals "
                + (spreadPercent == 0 ? "identical" : "within \(spreadPercent) %") + ").")
    }

    /// Mean in minor units, rounded half away from zero.
    static func roundedMean(_ sum: Int64, count: Int) -> Int64 {
        let count = Int64(max(count, 1))
        return (sum + (sum >= 0 ? count / 2 : -count / 2)) / count
    }
}
