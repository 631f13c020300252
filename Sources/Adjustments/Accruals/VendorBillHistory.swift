import Ledger

/// Vendor bills per vendor and month: the untaxed amount per expense account (goods on cost-of-revenue
/// accounts left out) of posted bills before
/// the period, and which vendors have a bill (in any state but cancelled) dated in the period.
struct VendorBillHistory {
    private(set) var vendors: [Int] = []
    private(set) var billedInPeriod: Set<Int> = []
    /// Vendor → month → account → untaxed amount (minor units).
    private var amounts: [Int: [Period: [Int: Int64]]] = [:]
    /// Vendor → its posted bills in the lookback window, newest first.
    private var bills: [Int: [Move]] = [:]
    private var analytics: [Int: [Int: (date: LocalDate, distribution: AnalyticDistribution)]] = [:]

    init(context: ProposalContext) {
        let first = context.period.advanced(by: -context.rules.recurring.lookbackMonths).start
        for move in context.snapshot.moves where move.type == .vendorBill && move.state != .cancelled {
            guard let vendor = move.partnerID else { continue }
            if context.period.contains(move.date) { billedInPeriod.insert(vendor); continue }
            guard move.state == .posted, move.date >= first, move.date < context.period.start else { continue }
            let month = Period(containing: move.date)
            for line in context.lines(of: move.id) where line.kind.map({ $0 == .product }) ?? true {
                guard let type = context.accountsByID[line.accountID]?.type, type.isProfitAndLoss, type != .costOfRevenue else { continue }
                amounts[vendor, default: [:]][month, default: [:]][line.accountID, default: 0] += line.balance.minorUnits
                if let analytic = line.analytic, analytics[vendor]?[line.accountID].map({ $0.date <= move.date }) ?? true {
                    analytics[vendor, default: [:]][line.accountID] = (move.date, analytic)
                }
            }
            bills[vendor, default: []].append(move)
        }
        for vendor in bills.keys { bills[vendor]!.sort { ($0.date, $0.id) > ($1.date, $1.id) } }
        vendors = amounts.keys.sorted()
    }

    func billedMonths(of vendor: Int) -> Set<Period> { Set(amounts[vendor].map { Array($0.keys) } ?? []) }

    func untaxed(of vendor: Int, in month: Period) -> [Int: Int64] { amounts[vendor]?[month] ?? [:] }

    func latestBills(of vendor: Int, count: Int) -> [Int] { (bills[vendor] ?? []).prefix(count).map(\.id) }

    /// The analytic distribution of the vendor's newest bill line on the account (so the accrual is costed like the bills).
    func latestAnalytic(of vendor: Int, account: Int) -> AnalyticDistribution? { analytics[vendor]?[account]?.distribution }
}
