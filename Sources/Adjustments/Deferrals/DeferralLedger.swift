import Ledger

/// The company's deferrals as the ledger shows them: one schedule per posted line that put an
/// amount on a deferral account for a readable service period, and the releases already booked.
/// Releases are recognised by their label's stem (the words before the first number: "Annual
/// liability insurance 2025-11" belongs to "Annual liability insurance 2025-10 to 2026-09").
public struct DeferralLedger: Sendable {
    public private(set) var schedules: [DeferralSchedule] = []
    /// Posted or draft lines that took amounts off a deferral account, by (account, stem).
    private var releases: [ReleaseKey: [(date: LocalDate, amount: Money, counterAccountID: Int?, analytic: AnalyticDistribution?)]] = [:]
    private var historyAccounts: Set<Int> = []

    private struct ReleaseKey: Hashable {
        var accountID: Int
        var stem: String
    }

    public init(context: ProposalContext) {
        let rules = context.rules.deferrals
        let prepaid = Set(Self.prepaidAccounts(in: context).map(\.id))
        let deferredRevenue = Set(context.snapshot.accounts.filter { rules.deferredRevenueAccountCodes.contains($0.code) }.map(\.id))
        var partnerAccounts: [Int: [Int: Int]] = [:]
        for move in context.snapshot.moves where move.state != .cancelled {
            let lines = context.lines(of: move.id)
            for line in lines {
                if move.state == .posted, let partner = line.partnerID ?? move.partnerID, context.accountsByID[line.accountID]?.type.isProfitAndLoss == true {
                    partnerAccounts[partner, default: [:]][line.accountID, default: 0] += 1
                }
                let isPrepaid = prepaid.contains(line.accountID)
                guard isPrepaid || deferredRevenue.contains(line.accountID), !line.balance.isZero else { continue }
                let adds = isPrepaid ? !line.balance.isNegative : line.balance.isNegative
                if adds {
                    guard move.state == .posted, let months = Self.months(of: line, move: move, company: context.snapshot.company, rules: rules) else { continue }
                    schedules.append(DeferralSchedule(sourceLineID: line.id, sourceMoveID: move.id, partnerID: line.partnerID ?? move.partnerID,
                                                      label: Self.stem(line.label), deferralAccountID: line.accountID, releaseAccountID: nil,
                                                      total: line.balance, firstMonth: months.lowerBound,
                                                      months: months.lowerBound.monthsUntil(months.upperBound) + 1))
                } else {
                    let counter = lines.first { $0.id != line.id && context.accountsByID[$0.accountID]?.type.isProfitAndLoss == true }
                    releases[ReleaseKey(accountID: line.accountID, stem: Self.stem(line.label)), default: []]
                        .append((line.date, -line.balance, counter?.accountID, counter?.analytic))
                }
            }
        }
        for index in schedules.indices {
            let key = ReleaseKey(accountID: schedules[index].deferralAccountID, stem: schedules[index].label)
            if let learned = releases[key]?.last(where: { $0.counterAccountID != nil })?.counterAccountID {
                schedules[index].releaseAccountID = learned
                historyAccounts.insert(schedules[index].sourceLineID)
            } else if let partner = schedules[index].partnerID, let usual = partnerAccounts[partner]?.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }) {
                schedules[index].releaseAccountID = usual.key
            }
        }
    }

    /// The prepaid-expense accounts: the rule set's, else every account of Odoo's prepayments type.
    static func prepaidAccounts(in context: ProposalContext) -> [Account] {
        let codes = context.rules.deferrals.prepaidAccountCodes
        return context.snapshot.accounts.filter { codes.isEmpty ? $0.type == .prepayments : codes.contains($0.code) }
    }

    /// Whether a release of this schedule's amount for `month` is already in the ledger.
    func isReleased(_ schedule: DeferralSchedule, in month: Period) -> Bool {
        let due = schedule.release(in: month)
        return releases[ReleaseKey(accountID: schedule.deferralAccountID, stem: schedule.label)]?
            .contains { month.contains($0.date) && $0.amount == due } ?? false
    }

    /// True when the release account was learned from earlier releases, not guessed from the vendor's costs.
    func releaseAccountFromHistory(_ schedule: DeferralSchedule) -> Bool { historyAccounts.contains(schedule.sourceLineID) }

    /// The analytic distribution earlier releases of the same kind carried on `account`.
    func analytic(forReleasesTo account: Int, like schedule: DeferralSchedule) -> AnalyticDistribution? {
        releases[ReleaseKey(accountID: schedule.deferralAccountID, stem: schedule.label)]?
            .last { $0.counterAccountID == account && $0.analytic != nil }?.analytic
    }

    static func months(of line: JournalLine, move: Move, company: Company, rules: DeferralRules) -> ClosedRange<Period>? {
        if let months = ServicePeriodReader.months(in: line.label, billDate: move.invoiceDate ?? move.date, dateOrder: company.dateOrder,
                                                   fiscalYearEndMonth: company.fiscalYearEndMonth) { return months }
        guard rules.defaultMonths > 0 else { return nil }
        let first = Period(containing: move.invoiceDate ?? move.date)
        return first...first.advanced(by: rules.defaultMonths - 1)
    }

    /// The label's words before the first one with a digit: what stays the same from month to month.
    static func stem(_ label: String) -> String {
        label.split(separator: " ").prefix { !$0.contains(where: \.isNumber) }.joined(separator: " ")
    }
}
