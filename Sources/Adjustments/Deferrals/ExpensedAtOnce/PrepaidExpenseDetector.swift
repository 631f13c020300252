public import Ledger
import Foundation

/// Finds the period's vendor bill lines booked straight to an expense account that pay for months after it:
/// an annual premium, a year's rent or licence expensed at once. Each fact is weighed in log-odds (see
/// `PrepaidEvidence`); a line needs one fact that says the cost spans time (its label's service period, the
/// vendor's annual cadence, an earlier deferral of the vendor's bill), and is left out when its label names a
/// period already over ("Audit fee FY2025"), when the vendor bills monthly and the label names no longer period,
/// below the rule set's confidence, or when the part to defer is below its materiality.
public struct PrepaidExpenseDetector: Sendable {
    /// The check id its findings carry (`closer check`), beside the deterministic checks and anomaly detectors.
    public static let checkID = "prepaid-expensed-at-once"
    /// Log-odds before any evidence: most bills on expense accounts are the period's cost.
    static let prior = -2.5

    public init() {}

    public func candidates(in context: ProposalContext) -> [PrepaidCandidate] {
        let rules = context.rules.prepaid
        let prepaidAccounts = DeferralLedger.prepaidAccounts(in: context)
        let history = ExpenseHistory(context: context, prepaidAccounts: Set(prepaidAccounts.map(\.id)))
        var found: [PrepaidCandidate] = []
        for move in context.snapshot.moves where move.type == .vendorBill && move.state == .posted && context.period.contains(move.date) {
            for line in context.lines(of: move.id) where line.kind.map({ $0 == .product }) ?? true {
                guard context.accountsByID[line.accountID]?.type == .expense, line.balance.minorUnits > 0,
                      let candidate = candidate(line, of: move, history: history, prepaidAccounts: prepaidAccounts, in: context),
                      candidate.confidence >= rules.minimumConfidence,
                      candidate.deferred(after: context.period).minorUnits >= Int64(rules.minimumAmount) * Self.unit(of: line.balance)
                else { continue }
                found.append(candidate)
            }
        }
        return found.sorted { ($0.confidence, -$0.lineID) > ($1.confidence, -$1.lineID) }
    }

    func candidate(_ line: JournalLine, of move: Move, history: ExpenseHistory, prepaidAccounts: [Account],
                   in context: ProposalContext) -> PrepaidCandidate? {
        let period = context.period, rules = context.rules.prepaid
        let billDate = move.invoiceDate ?? move.date
        let vendor = line.partnerID ?? move.partnerID
        let read = ServicePeriodReader.months(in: line.label, billDate: billDate, dateOrder: context.snapshot.company.dateOrder,
                                              fiscalYearEndMonth: context.snapshot.company.fiscalYearEndMonth)
        if let read, read.upperBound <= period { return nil }  // a period already over: this period's cost, however large
        if read == nil, let vendor, history.billsMonthly(vendor, before: period) { return nil }
        var evidence: [PrepaidEvidence] = []
        if let read { evidence.append(.servicePeriod(read)) }
        let earlier = vendor.flatMap { history.deferrals[$0] }
        if let earlier { evidence.append(.earlierDeferral(months: earlier.months ?? rules.defaultMonths)) }
        let annual = vendor.flatMap { history.annualBill(of: $0, before: period) }
        if let annual { evidence.append(.annualCadence(lastBilled: annual)) }
        guard evidence.contains(where: \.spansTime) else { return nil }
        let accountName = context.accountName(line.accountID)
        if let nature = CostNature.of(accountNamed: context.accountsByID[line.accountID]?.name ?? "") { evidence.append(.nature(nature)) }
        let usual = history.usualMonth(of: line.accountID)
        if usual.map({ line.balance.minorUnits >= Int64(rules.runRateMultiple) * $0 }) ?? true {
            evidence.append(.aboveRunRate(usualMonth: usual.map { context.money($0) }))
        }
        let first = read?.lowerBound ?? Period(containing: billDate)
        let months = read.map { $0.lowerBound.monthsUntil($0.upperBound) + 1 } ?? earlier?.months ?? rules.defaultMonths
        guard months > 1 else { return nil }
        let schedule = DeferralSchedule(sourceLineID: line.id, sourceMoveID: move.id, partnerID: vendor, label: line.label,
                                        deferralAccountID: earlier?.accountID ?? prepaidAccounts.first?.id ?? line.accountID,
                                        releaseAccountID: line.accountID, total: line.balance, firstMonth: first, months: months)
        let logOdds = evidence.reduce(Self.prior) { $0 + $1.weight }
        let confidence = (1 / (1 + exp(-logOdds)) * 100).rounded() / 100
        let prepaid = earlier?.accountID ?? prepaidAccounts.first?.id
        let deferred = schedule.remaining(after: period)
        let reason = "\(context.moveRecord(move.id).name) expensed \(line.balance) to \(accountName) at once, but "
            + evidence.map { $0.words(accountName: accountName, multiple: rules.runRateMultiple) }.joined(separator: "; ")
            + ". Spread over \(months) months (\(schedule.firstMonth) to \(schedule.lastMonth)), \(deferred) belongs after \(period)"
            + (prepaid.map { " and should move to \(context.accountName($0))." } ?? "; the chart has no prepaid account to move it to.")
        return PrepaidCandidate(lineID: line.id, moveID: move.id, partnerID: vendor, label: line.label, expenseAccountID: line.accountID,
                                prepaidAccountID: prepaid, schedule: schedule, evidence: evidence, confidence: confidence, reason: reason)
    }

    /// Minor units in one whole unit of the amount's currency.
    static func unit(of amount: Money) -> Int64 { (0..<amount.scale).reduce(1) { acc, _ in acc * 10 } }
}
