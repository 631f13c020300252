import Ledger

/// The state of one generation run. Business is generated month by month (sales, purchases,
/// payroll, closing entries), then the bank side in date order, then the planted problems.
struct DemoGenerator {
    let options: DemoOptions
    var random: DemoRandom
    var builder: BookBuilder
    var partners: [Partner] = []
    var customers: [Int] = []
    var suppliers: [Int] = []
    var vendors = RecurringVendors()
    var eurCustomer = 0
    var payments: [PlannedPayment] = []
    var utilityHistory: [Int64] = []
    var problems: [PlantedProblem] = []
    var bankMatches: [BankMatch] = []

    init(options: DemoOptions) {
        self.options = options
        random = DemoRandom(seed: options.seed)
        builder = BookBuilder(seed: options.seed, expectedLines: options.scaled(DemoOptions.linesPerVolume) + DemoOptions.fixedLines)
    }

    var period: Period { options.closePeriod }
    var firstMonth: Period { period.advanced(by: -options.historyMonths) }
    /// Statement lines of the close period from this day on are not reconciled yet: that is the
    /// bank reconciliation work the close still has to do.
    var reconciledThrough: LocalDate { period.start.adding(days: 9) }

    mutating func run() {
        makePartners()
        var month = firstMonth
        while month <= period {
            makeSales(in: month)
            makePurchases(in: month)
            makePayrollAndClosingEntries(in: month)
            month = month.next
        }
        makeBankActivity()
        plantProblems()
    }

    func book() -> DemoBook {
        var company = DemoChart.company
        company.lockDates = LockDates(fiscalYear: period.advanced(by: -4).end)
        let snapshot = LedgerSnapshot(
            company: company, currencies: [DemoChart.usd, DemoChart.eur], accounts: DemoChart.accounts, journals: DemoChart.journals,
            partners: partners, taxes: DemoChart.taxes, moves: builder.moves, lines: builder.lines, statementLines: builder.statementLines)
        let truth = GroundTruth(seed: options.seed, period: period, asOf: options.asOf,
                                problems: problems.sorted { ($0.kind, $0.records.first?.id ?? 0) < ($1.kind, $1.records.first?.id ?? 0) },
                                bankMatches: bankMatches)
        return DemoBook(snapshot: snapshot, groundTruth: truth)
    }

    // MARK: helpers shared by the generators

    /// A random weekday of the month (businesses date entries on working days).
    mutating func weekday(in month: Period, from firstDay: Int = 1, to lastDay: Int? = nil) -> LocalDate {
        let last = lastDay ?? month.end.day
        for _ in 0..<20 {
            let date = LocalDate(year: month.year, month: month.month, day: random.int(firstDay...last))!
            if !date.isWeekend { return date }
        }
        return nextWeekday(from: month.start)
    }

    func nextWeekday(from date: LocalDate) -> LocalDate {
        var day = date
        while day.isWeekend { day = day.adding(days: 1) }
        return day
    }

    /// Expense lines carry a department, or a 60/40 split between two.
    mutating func department() -> AnalyticDistribution {
        if random.chance(20) {
            return AnalyticDistribution([.init(accountIDs: [1], percent: 60), .init(accountIDs: [random.int(2...3)], percent: 40)])
        }
        return AnalyticDistribution([.init(accountIDs: [random.pick(DemoChart.departments)], percent: 100)])
    }

    /// Tax at 10 %, rounded half up per line as Odoo does by default.
    static func tax(on amount: Int64) -> Int64 { (amount * 10 + 50) / 100 }

    func ref(_ move: Int) -> RecordRef {
        RecordRef(model: "account.move", id: move, name: builder.moves[move - 1].name)
    }

    func lineRef(_ index: Int) -> RecordRef {
        let line = builder.lines[index]
        return RecordRef(model: "account.move.line", id: line.id, name: builder.moves[line.moveID - 1].name + " " + line.label)
    }

    mutating func plant(_ kind: String, _ records: [RecordRef], _ detail: String, amount: Int64? = nil) {
        problems.append(PlantedProblem(kind: kind, records: records, detail: detail, expectedAmount: amount.map(DemoChart.usd.money)))
    }
}

/// A payment that the bank side will turn into a statement line.
struct PlannedPayment {
    enum Kind { case customer, vendor, payroll, bankFee, transfer }
    var kind: Kind
    var date: LocalDate
    var partnerID: Int?
    /// Indices into the builder's lines of the open items this payment settles.
    var openItems: [Int]
    var amount: Int64
    var fee: Int64 = 0
    var rounding: Int64 = 0
    var shape: String
}

/// The vendors whose bills come every month (or year), which accrual proposals learn from.
struct RecurringVendors {
    var rent = 0, utilities = 0, software = 0, insurance = 0, consulting = 0, freight = 0, office = 0, travelAgency = 0
}
