import Ledger

/// The state of one generation run. Business is generated month by month (sales, purchases,
/// payroll, closing entries), then the bank side in date order, then the planted problems.
struct DemoGenerator {
    let options: DemoOptions
    let scale: Double
    var random: DemoRandom
    var builder: BookBuilder
    var partners: [Partner] = []
    /// How the bank prints each partner's name: in full, and cut short.
    var bankNames: [(full: String, short: String)] = [(full: "", short: "")]
    /// Prefix of each vendor's own invoice numbers, and the vendor's next number.
    var vendorRefPrefix: [String] = [""]
    var vendorRefNext: [Int] = [0]
    var customers: [Int] = []
    var suppliers: [Int] = []
    var vendors = RecurringVendors()
    var eurCustomer = 0
    var payments: [PlannedPayment] = []
    var utilityHistory: [Int64] = []
    var problems: [DraftProblem] = []
    var lookAlikes: [DraftProblem] = []
    /// Patterns checks rightly flag record by record that a controller reads as one thing each (see `plantSystemicNoise`).
    var systemicNoise: [DraftProblem] = []
    var bankMatches: [DraftBankMatch] = []
    /// The customers with a planted payment habit, and the stream their payment days are drawn from.
    var habits: [Int: PlantedPaymentHabit.Habit] = [:]
    var habitRandom: DemoRandom

    init(options: DemoOptions) {
        self.options = options
        scale = options.scale
        random = DemoRandom(seed: options.seed)
        habitRandom = DemoRandom(seed: options.seed ^ 0x4841_4249_5453)
        let months = Double(options.historyMonths + 1)
        let expected = Int(scale * Double(DemoOptions.scaledLinesPerMonth) * months) + DemoOptions.fixedLinesPerMonth * (options.historyMonths + 1)
        builder = BookBuilder(seed: options.seed, expectedLines: expected + DemoOptions.plantedLines)
    }

    var period: Period { options.closePeriod }
    var firstMonth: Period { period.advanced(by: -options.historyMonths) }
    /// Statement lines of the close period from this day on are not reconciled yet: that is the
    /// bank reconciliation work the close still has to do.
    var reconciledThrough: LocalDate { period.start.adding(days: 19) }
    /// Everything dated up to here is locked (Odoo 18's fiscalyear_lock_date): end of the fourth month before the period.
    var lockDate: LocalDate { period.advanced(by: -4).end }

    /// A monthly count of the base company, scaled to the target volume.
    func scaled(_ base: Int) -> Int { max(1, Int((Double(base) * scale).rounded())) }

    mutating func run() {
        makePartners()
        plantPaymentHabits()
        var month = firstMonth
        while month <= period {
            makeSales(in: month)
            makePurchases(in: month)
            makePayrollAndClosingEntries(in: month)
            month = month.next
        }
        makeBankActivity()
        plantProblems()
        plantMispostings()
        plantPayables()
        plantPrepaidExpenses()
        plantSystemicNoise()
    }

    func book(_ assembled: AssembledBook) -> DemoBook {
        var company = DemoChart.company
        company.lockDates = LockDates(fiscalYear: lockDate)
        let orders = DemoOrders(seed: options.seed, period: period, partners: partners, suppliers: suppliers, customers: customers,
                                eurCustomer: eurCustomer, firstBillID: assembled.moves.count + 1, firstBillLineID: assembled.lines.count + 1)
        let snapshot = LedgerSnapshot(
            company: company, currencies: [DemoChart.usd, DemoChart.eur], accounts: DemoChart.accounts + [DemoOrders.productsToReceive],
            journals: DemoChart.journals, partners: partners, taxes: DemoChart.taxes, moves: assembled.moves, lines: assembled.lines,
            statementLines: assembled.statementLines, orderLines: orders.lines)
        let resolved = (problems.map { resolve($0, in: assembled) } + orders.problems)
            .sorted { ($0.kind, $0.records.first?.id ?? 0, $0.detail) < ($1.kind, $1.records.first?.id ?? 0, $1.detail) }
        let matches = bankMatches.map { match in
            BankMatch(statementLineID: assembled.statementLineID[match.statementLine], shape: match.shape,
                      openItemLineIDs: match.openItems.map { assembled.lineID[$0] }.sorted(), writeOff: match.writeOff.map(DemoChart.usd.money),
                      writeOffAccountID: match.writeOffAccountID, reconciledInBooks: match.reconciled,
                      counterpartStatementLineID: match.counterpartStatementLine.map { assembled.statementLineID[$0] })
        }.sorted { $0.statementLineID < $1.statementLineID }
        // The payment run's and the expense reports' data last, from streams of their own: nothing above moves.
        let expenses = DemoExpensePlanter(seed: options.seed, period: period, firstContactID: partners.count + 1)
        let treasury = DemoTreasuryPlanter(seed: options.seed, asOf: options.asOf, moves: assembled.moves, partners: partners,
                                           vendors: suppliers + vendors.all, employees: expenses.expenses.employees,
                                           firstPartnerID: partners.count + expenses.expenses.employees.count + 1)
        let operations = (treasury.problems + expenses.problems).sorted { ($0.kind, $0.records.first?.id ?? 0) < ($1.kind, $1.records.first?.id ?? 0) }
        let lookAlikes = lookAlikes.map { resolve($0, in: assembled) } + orders.lookAlikes + treasury.lookAlikes + expenses.lookAlikes
        let truth = GroundTruth(seed: options.seed, period: period, asOf: options.asOf, problems: resolved + operations, bankMatches: matches,
                                lookAlikes: lookAlikes, paymentHabits: plantedHabits, notPlanted: treasury.notPlanted,
                                systemicNoise: systemicNoise.map { resolve($0, in: assembled) })
        return DemoBook(snapshot: snapshot, groundTruth: truth, purchasing: orders.purchasing, treasury: treasury.treasury, expenses: expenses.expenses)
    }

    // MARK: helpers shared by the generators

    /// A random weekday of the month (businesses date entries on working days).
    mutating func weekday(in month: Period, from firstDay: Int = 1, to lastDay: Int? = nil) -> LocalDate {
        let last = min(lastDay ?? month.end.day, month.end.day)
        for _ in 0..<20 {
            let date = LocalDate(year: month.year, month: month.month, day: random.int(firstDay...last))!
            if !date.isWeekend { return date }
        }
        return nextWeekday(from: LocalDate(year: month.year, month: month.month, day: firstDay)!)
    }

    func nextWeekday(from date: LocalDate) -> LocalDate {
        var day = date
        while day.isWeekend { day = day.adding(days: 1) }
        return day
    }

    func previousWeekday(from date: LocalDate) -> LocalDate {
        var day = date
        while day.isWeekend { day = day.adding(days: -1) }
        return day
    }

    func lastWeekday(of month: Period) -> LocalDate { previousWeekday(from: month.end) }

    /// Expense lines carry a department, or a 60/40 split between two (shared values).
    mutating func department() -> AnalyticDistribution {
        let roll = random.int(0...9)
        return DemoChart.analyticPool[roll < 8 ? roll % 3 : roll - 5]
    }

    /// Tax at 10 %, rounded half up per line as Odoo does by default.
    static func tax(on amount: Int64) -> Int64 { amount >= 0 ? (amount * 10 + 50) / 100 : -((-amount * 10 + 50) / 100) }

    mutating func plant(_ kind: String, _ records: [DraftRecord], _ detail: String, amount: Int64? = nil, account: Int? = nil) {
        problems.append(DraftProblem(kind: kind, records: records, detail: detail, expectedAmount: amount, expectedAccountID: account))
    }
}

/// A payment that the bank side will turn into a statement line (and, for vendors, an account.payment first).
struct PlannedPayment {
    enum Kind { case customer, vendor, payroll, withholding, bankFee, eurBankFee, pettyCash, sweep }
    var kind: Kind
    var date: LocalDate
    var partnerID: Int?
    /// Indices into the builder's lines of the open items this payment settles.
    var openItems: [Int]
    /// Signed, in the company currency: positive money in, negative money out.
    var amount: Int64
    /// The amount in the bank's currency when that is EUR.
    var foreign: Int64? = nil
    var fee: Int64 = 0
    var rounding: Int64 = 0
    var shape: String
    /// The day chance gave the payment before a planted habit moved it (nil: not moved).
    var drawnDate: LocalDate? = nil
    /// Left unreconciled although before the reconciliation cut-off (a forgotten line).
    var leftOpen = false
    var referenceStyle: DeferredReference.Style? = nil
}

/// The vendors whose bills come every month (or year), which accrual proposals learn from.
struct RecurringVendors {
    var rent = 0, utilities = 0, software = 0, insurance = 0, cadSoftware = 0, consulting = 0, freight = 0, office = 0, travelAgency = 0
    var taxAuthority = 0

    /// The ones that send bills (the tax authority is paid its withholdings, never billed).
    var all: [Int] { [rent, utilities, software, insurance, cadSoftware, consulting, freight, office, travelAgency] }
}
