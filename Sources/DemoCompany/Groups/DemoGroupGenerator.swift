import Ledger

/// Writes the group's intercompany trade, month by month over the demo's window: the subsidiary's
/// goods invoiced to the parent (billed by the parent a day or two later, quoting the invoice
/// number, paid the next month) and the parent's management fee (billed by the subsidiary the same
/// day, paid the next month) — then plants the close period's two mismatches.
struct DemoGroupGenerator {
    let options: DemoOptions
    let subsidiaryClosed: Bool
    var parentTruth: GroundTruth
    var parent: DemoLedgerAppender
    var subsidiary: DemoLedgerAppender
    /// Separate from the parent's streams, so its own books stay exactly `DemoCompany.generate`'s.
    var random: DemoRandom
    /// The partner standing for the other company in each one's books (one res.partner per res.company).
    let subsidiaryPartner: Int
    let parentPartner: Int
    var planted: [PlantedIntercompanyDifference] = []

    typealias Accounts = DemoChart.AccountID
    typealias Journals = DemoChart.JournalID

    init(parent book: DemoBook, options: DemoOptions, subsidiaryClosed: Bool) {
        self.options = options
        self.subsidiaryClosed = subsidiaryClosed
        parentTruth = book.groundTruth
        random = DemoRandom(seed: options.seed ^ 0x1C_0000_6E0F)
        // One database: partners are shared, so each company's partner has one id in both books.
        let lastPartner = book.snapshot.partners.map(\.id).max() ?? 0
        subsidiaryPartner = lastPartner + 1
        parentPartner = lastPartner + 2
        var parentBooks = book.snapshot
        parentBooks.partners.append(Partner(id: subsidiaryPartner, name: DemoGroup.subsidiaryName))
        parent = DemoLedgerAppender(snapshot: parentBooks)
        let locked = subsidiaryClosed ? options.closePeriod.end : options.closePeriod.previous.end
        let company = Company(id: 2, name: DemoGroup.subsidiaryName, currency: DemoChart.usd, lockDates: LockDates(fiscalYear: locked))
        subsidiary = DemoLedgerAppender(snapshot: LedgerSnapshot(
            company: company, currencies: [DemoChart.usd], accounts: DemoChart.accounts, journals: DemoChart.journals,
            partners: [Partner(id: parentPartner, name: DemoChart.company.name)], taxes: DemoChart.taxes))
    }

    var period: Period { options.closePeriod }

    mutating func run() {
        var month = period.advanced(by: -options.historyMonths)
        while month <= period {
            let settled = month < period
            let goods = sellGoods(in: month, settled: settled)
            let fee = chargeManagementFee(in: month, settled: settled)
            if settled { pay(goods: goods, fee: fee, in: month.next) }
            month = month.next
        }
        plantRushOrderTheParentNeverBilled()
    }

    func books() -> DemoGroupBooks {
        let subsidiaryTruth = GroundTruth(seed: options.seed, period: period, asOf: options.asOf, problems: [], bankMatches: [])
        return DemoGroupBooks(parent: DemoBook(snapshot: parent.snapshot, groundTruth: parentTruth),
                              subsidiary: DemoBook(snapshot: subsidiary.snapshot, groundTruth: subsidiaryTruth), planted: planted)
    }

    // MARK: the trade

    struct Invoiced { var invoice: RecordRef; var total: Int64 }

    /// The subsidiary's monthly shipment to the parent, with 10 % tax; in the close period the parent
    /// keys the bill with two digits of the net amount swapped.
    mutating func sellGoods(in month: Period, settled: Bool) -> Invoiced {
        let date = weekday(in: month, day: random.int(6...12))
        let net = random.logUniform(800_000...2_000_000)
        let invoice = subsidiaryInvoice(net: net, date: date, label: "[NR-200] Robot arm assemblies", settled: settled)
        var keyed = net
        if month == period { keyed = Self.swappingLastDigits(net) }
        let bill = parent.post(journalID: Journals.purchases, type: .vendorBill, date: weekday(in: month, day: date.day + random.int(1...2)),
                               partnerID: subsidiaryPartner, ref: invoice.name, lines: Self.goodsBill(net: keyed), settled: settled,
                               by: DemoChart.Users.bob)
        if keyed != net {
            let tax = DemoGenerator.tax(on: net) - DemoGenerator.tax(on: keyed)
            planted.append(PlantedIntercompanyDifference(
                kind: "amounts-differ", seller: DemoGroup.subsidiaryName, buyer: DemoChart.company.name, sellerDocument: invoice,
                buyerDocument: bill, balanceDifference: DemoChart.usd.money(net - keyed + tax), revenueDifference: DemoChart.usd.money(net - keyed),
                detail: "\(DemoChart.company.name) keyed \(invoice.name) as \(bill.name) with two digits of the amount swapped."))
        }
        return Invoiced(invoice: invoice, total: net + DemoGenerator.tax(on: net))
    }

    /// The parent's fee to the subsidiary on the month's last weekday, billed there the same day.
    mutating func chargeManagementFee(in month: Period, settled: Bool) -> Invoiced {
        let date = previousWeekday(month.end)
        let fee = DemoGroup.managementFee
        let invoice = parent.post(journalID: Journals.sales, type: .customerInvoice, date: date, partnerID: subsidiaryPartner, ref: nil, lines: [
            LineDraft(accountID: Accounts.otherIncome, label: "Management fee \(month)", amount: -fee),
            LineDraft(accountID: Accounts.receivable, label: "", amount: fee, kind: .paymentTerm),
        ], settled: settled, by: DemoChart.Users.alice)
        subsidiary.post(journalID: Journals.purchases, type: .vendorBill, date: date, partnerID: parentPartner, ref: invoice.name, lines: [
            LineDraft(accountID: Accounts.consulting, label: "Management fee \(month)", amount: fee, analytic: DemoChart.administration),
            LineDraft(accountID: Accounts.payable, label: "", amount: -fee, kind: .paymentTerm),
        ], settled: settled, by: DemoChart.Users.bob)
        return Invoiced(invoice: invoice, total: fee)
    }

    /// Both sides of both payments, in the next month, quoting the invoice paid.
    mutating func pay(goods: Invoiced, fee: Invoiced, in month: Period) {
        let day = weekday(in: month, day: random.int(8...14))
        settle(goods, on: day, paidByParent: true)
        settle(fee, on: weekday(in: month, day: day.day + 1), paidByParent: false)
    }

    /// The payer's payment of an intercompany invoice, then the payee's receipt of it, on the same day.
    mutating func settle(_ invoiced: Invoiced, on day: LocalDate, paidByParent: Bool) {
        let payer: WritableKeyPath<Self, DemoLedgerAppender> = paidByParent ? \.parent : \.subsidiary
        let payee: WritableKeyPath<Self, DemoLedgerAppender> = paidByParent ? \.subsidiary : \.parent
        // Each company's books name the other company by its partner.
        let (payeePartner, payerPartner) = paidByParent ? (subsidiaryPartner, parentPartner) : (parentPartner, subsidiaryPartner)
        let name = invoiced.invoice.name, total = invoiced.total
        self[keyPath: payer].post(journalID: Journals.bank, type: .entry, date: day, partnerID: payeePartner, ref: name, lines: [
            LineDraft(accountID: Accounts.payable, label: name, amount: total),
            LineDraft(accountID: Accounts.outstandingPayments, label: name, amount: -total),
        ], isPayment: true, by: DemoChart.Users.bob)
        self[keyPath: payee].post(journalID: Journals.bank, type: .entry, date: day, partnerID: payerPartner, ref: name, lines: [
            LineDraft(accountID: Accounts.outstandingReceipts, label: name, amount: total),
            LineDraft(accountID: Accounts.receivable, label: name, amount: -total),
        ], isPayment: true, by: DemoChart.Users.alice)
    }

    /// A rush shipment invoiced by the subsidiary late in the close period; the parent has not booked the bill.
    mutating func plantRushOrderTheParentNeverBilled() {
        let net = random.logUniform(200_000...600_000)
        let invoice = subsidiaryInvoice(net: net, date: previousWeekday(period.end.adding(days: -2)), label: "[NR-900] Rush spare parts",
                                        settled: false)
        planted.append(PlantedIntercompanyDifference(
            kind: "missing-at-buyer", seller: DemoGroup.subsidiaryName, buyer: DemoChart.company.name, sellerDocument: invoice, buyerDocument: nil,
            balanceDifference: DemoChart.usd.money(net + DemoGenerator.tax(on: net)), revenueDifference: DemoChart.usd.money(net),
            detail: "\(DemoGroup.subsidiaryName) invoiced \(invoice.name) to \(DemoChart.company.name), which has not booked the bill."))
    }

    // MARK: helpers

    mutating func subsidiaryInvoice(net: Int64, date: LocalDate, label: String, settled: Bool) -> RecordRef {
        let tax = DemoGenerator.tax(on: net)
        return subsidiary.post(journalID: Journals.sales, type: .customerInvoice, date: date, partnerID: parentPartner, ref: nil, lines: [
            LineDraft(accountID: Accounts.sales, label: label, amount: -net, taxIDs: DemoChart.salesTaxIDs),
            LineDraft(accountID: Accounts.taxPayable, label: "10% Sales Tax", amount: -tax, kind: .tax),
            LineDraft(accountID: Accounts.receivable, label: "", amount: net + tax, kind: .paymentTerm),
        ], settled: settled, by: DemoChart.Users.alice)
    }

    static func goodsBill(net: Int64) -> [LineDraft] {
        let tax = DemoGenerator.tax(on: net)
        return [
            LineDraft(accountID: Accounts.cogs, label: "[NR-200] Robot arm assemblies", amount: net, taxIDs: DemoChart.purchaseTaxIDs),
            LineDraft(accountID: Accounts.taxReceivable, label: "10% Purchase Tax", amount: tax, kind: .tax),
            LineDraft(accountID: Accounts.payable, label: "", amount: -(net + tax), kind: .paymentTerm),
        ]
    }

    /// 1,234,567 → 1,234,576: a keying slip (the last two digits swapped, or the last raised when they are equal).
    static func swappingLastDigits(_ value: Int64) -> Int64 {
        let last = value % 10, second = value / 10 % 10
        return last == second ? value + (last == 9 ? -1 : 1) : value - last - second * 10 + second + last * 10
    }

    /// The first weekday on or after the given day of the month (or the last one before, at month end).
    func weekday(in month: Period, day: Int) -> LocalDate {
        let date = LocalDate(year: month.year, month: month.month, day: min(max(day, 1), month.end.day))!
        var next = date
        while next.isWeekend { next = next.adding(days: 1) }
        return next.month == month.month ? next : previousWeekday(date)
    }

    func previousWeekday(_ date: LocalDate) -> LocalDate {
        var day = date
        while day.isWeekend { day = day.adding(days: -1) }
        return day
    }
}
