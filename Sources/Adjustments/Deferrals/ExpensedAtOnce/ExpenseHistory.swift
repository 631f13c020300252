import Ledger

/// What the year before the period says about expense accounts and vendors: each account's mean month,
/// the months each vendor billed in, and the vendor's bills the company booked to a prepaid account.
struct ExpenseHistory {
    /// Account → its net debit over the twelve months before the period (minor units).
    private var accountYear: [Int: Int64] = [:]
    /// Vendor → months of its posted bills in the two years before the period.
    private var billedMonths: [Int: Set<Period>] = [:]
    /// Vendor → its latest earlier bill line on a prepaid account: the account and the months it was spread over, if readable.
    private(set) var deferrals: [Int: (accountID: Int, months: Int?)] = [:]

    init(context: ProposalContext, prepaidAccounts: Set<Int>) {
        let period = context.period
        let yearStart = period.advanced(by: -12).start, twoYears = period.advanced(by: -24).start
        for move in context.snapshot.moves where move.state == .posted && move.date < period.start && move.date >= twoYears {
            let isBill = move.type == .vendorBill
            if isBill, let vendor = move.partnerID { billedMonths[vendor, default: []].insert(Period(containing: move.invoiceDate ?? move.date)) }
            for line in context.lines(of: move.id) {
                if move.date >= yearStart, context.accountsByID[line.accountID]?.type == .expense {
                    accountYear[line.accountID, default: 0] += line.balance.minorUnits
                }
                if isBill, prepaidAccounts.contains(line.accountID), !line.balance.isNegative, let vendor = line.partnerID ?? move.partnerID {
                    let months = DeferralLedger.months(of: line, move: move, company: context.snapshot.company, rules: context.rules.deferrals)
                    deferrals[vendor] = (line.accountID, months.map { $0.lowerBound.monthsUntil($0.upperBound) + 1 })
                }
            }
        }
    }

    /// The account's mean month over the year before, or nil when nothing (net) was booked there.
    func usualMonth(of account: Int) -> Int64? {
        guard let year = accountYear[account], year > 0 else { return nil }
        return year / 12
    }

    /// Billed in at least three of the six months before `period`: a vendor that bills monthly.
    func billsMonthly(_ vendor: Int, before period: Period) -> Bool {
        (1...6).filter { billedMonths[vendor]?.contains(period.advanced(by: -$0)) ?? false }.count >= 3
    }

    /// The month of the vendor's one bill a year ago (11 to 13 months before `period`), when it billed in none of the months since.
    func annualBill(of vendor: Int, before period: Period) -> Period? {
        let months = billedMonths[vendor] ?? []
        guard !(1...10).contains(where: { months.contains(period.advanced(by: -$0)) }) else { return nil }
        return (11...13).map { period.advanced(by: -$0) }.first { months.contains($0) }
    }
}
