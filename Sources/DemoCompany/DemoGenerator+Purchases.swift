import Ledger

extension DemoGenerator {
    /// Supplier bills for goods, the monthly recurring vendors, occasional travel and office
    /// bills, and the consulting firm; each bill is paid on its due date.
    mutating func makePurchases(in month: Period) {
        for _ in 0..<options.scaled(60) {
            let supplier = random.pick(suppliers)
            makeBill(vendor: supplier, date: weekday(in: month), account: DemoChart.AccountID.cogs,
                     amounts: (0..<random.int(1...2)).map { _ in random.pick(DemoChart.productPrices) * Int64(random.int(2...20)) / 2 },
                     label: "Components")
        }
        let isClosePeriod = month == period
        makeBill(vendor: vendors.rent, date: nextWeekday(from: month.start), account: DemoChart.AccountID.rent,
                 amounts: [850_000], label: "Office and warehouse rent \(month)")
        // In the close period the utilities and software bills have not arrived: accruals are due.
        if !isClosePeriod {
            let utilities = random.int64(108_000...132_000)
            utilityHistory.append(utilities)
            makeBill(vendor: vendors.utilities, date: weekday(in: month, from: 10, to: 20), account: DemoChart.AccountID.utilities,
                     amounts: [utilities], label: "Electricity and water \(month)")
            makeBill(vendor: vendors.software, date: nextWeekday(from: month.start.adding(days: 2)), account: DemoChart.AccountID.software,
                     amounts: [145_000], label: "ERP and CRM subscriptions \(month)")
        }
        makeBill(vendor: vendors.freight, date: weekday(in: month), account: DemoChart.AccountID.freight,
                 amounts: [random.int64(40_000...90_000)], label: "Outbound freight \(month)")
        for _ in 0..<2 {
            makeBill(vendor: vendors.office, date: weekday(in: month), account: DemoChart.AccountID.office,
                     amounts: [random.int64(8_000...30_000)], label: "Office supplies")
            makeBill(vendor: vendors.travelAgency, date: weekday(in: month), account: DemoChart.AccountID.travel,
                     amounts: [random.int64(30_000...120_000)], label: "Customer visit travel")
        }
        // The consulting firm's invoices are made up: their first digits ignore Benford's law.
        for _ in 0..<3 {
            makeBill(vendor: vendors.consulting, date: weekday(in: month), account: DemoChart.AccountID.consulting,
                     amounts: [Int64(random.int(7...9)) * 100_000 + random.int64(0...99_999)], label: "Advisory services")
        }
    }

    @discardableResult
    mutating func makeBill(vendor: Int, date: LocalDate, account: Int, amounts: [Int64], label: String,
                           state: MoveState = .posted, ref: String? = nil, taxID: Int = DemoChart.TaxID.purchases,
                           analytic: Bool = true, pay: Bool = true) -> Int {
        var draft = EntryDraft(journalID: DemoChart.JournalID.purchases, type: .vendorBill, state: state, date: date, partnerID: vendor,
                               ref: ref ?? "V-\(random.int(10_000...99_999))", invoiceDate: date, dueDate: date.adding(days: 30),
                               createdBy: DemoChart.Users.bob)
        var tax: Int64 = 0
        for amount in amounts {
            draft.lines.append(LineDraft(accountID: account, partnerID: vendor, label: label, amount: amount,
                                         analytic: analytic && account != DemoChart.AccountID.cogs ? department() : nil, taxIDs: [taxID]))
            tax += Self.tax(on: amount)
        }
        draft.lines.append(LineDraft(accountID: DemoChart.AccountID.taxReceivable, partnerID: vendor, label: "10% Purchase Tax",
                                     amount: tax, kind: .tax))
        let total = amounts.reduce(0, +) + tax
        draft.lines.append(LineDraft(accountID: DemoChart.AccountID.payable, partnerID: vendor, label: "", amount: -total, kind: .paymentTerm))
        let move = builder.add(draft)
        if pay && state == .posted {
            schedule(PlannedPayment(kind: .vendor, date: nextWeekday(from: date.adding(days: 30)), partnerID: vendor,
                                    openItems: [builder.openItemIndex(of: move)!], amount: -total, shape: "1:1"))
        }
        return move
    }

    /// Payroll (posted by the payroll clerk, paid at month end), depreciation, and the monthly
    /// release of the prepaid annual insurance; the annual insurance bill itself each October.
    mutating func makePayrollAndClosingEntries(in month: Period) {
        let payday = lastWeekday(of: month)
        let gross = Int64(options.scaled(4_200_000)) + random.int64(0...150_000)
        let payroll = builder.add(EntryDraft(journalID: DemoChart.JournalID.payroll, date: payday, ref: "Payroll \(month)",
                                             createdBy: DemoChart.Users.carol, lines: [
            LineDraft(accountID: DemoChart.AccountID.salaries, label: "Salaries \(month)", amount: gross, analytic: department()),
            LineDraft(accountID: DemoChart.AccountID.salariesPayable, label: "Net salaries due", amount: -gross),
        ]))
        let payable = builder.lineRange(of: payroll).upperBound - 1
        schedule(PlannedPayment(kind: .payroll, date: payday, partnerID: nil, openItems: [payable], amount: -gross, shape: "payroll"))

        builder.add(EntryDraft(journalID: DemoChart.JournalID.misc, date: payday, ref: "Depreciation \(month)",
                               createdBy: DemoChart.Users.bob, lines: [
            LineDraft(accountID: DemoChart.AccountID.depreciation, label: "Depreciation of equipment", amount: 310_417, analytic: department()),
            LineDraft(accountID: DemoChart.AccountID.depreciationReserve, label: "Depreciation of equipment", amount: -310_417),
        ]))

        if month.month == period.month {
            // The annual insurance, booked to prepaid expenses and released monthly.
            let premium: Int64 = month == period ? 1_443_600 : 1_323_600
            let bill = makeBill(vendor: vendors.insurance, date: nextWeekday(from: month.start), account: DemoChart.AccountID.prepaid,
                                amounts: [premium], label: "Annual liability insurance \(month)–\(month.advanced(by: 11))", analytic: false)
            if month == period {
                plant("prepaid-bill", [ref(bill)], "Annual insurance of \(DemoChart.usd.money(premium)) covering \(month)–\(month.advanced(by: 11)), "
                      + "booked to prepaid expenses; \(DemoChart.usd.money(premium / 12)) is to be released each month", amount: premium / 12)
            }
        }
        if month != period {
            builder.add(EntryDraft(journalID: DemoChart.JournalID.misc, date: payday, ref: "Insurance release \(month)",
                                   createdBy: DemoChart.Users.bob, lines: [
                LineDraft(accountID: DemoChart.AccountID.insurance, label: "Insurance for \(month)", amount: 110_300, analytic: department()),
                LineDraft(accountID: DemoChart.AccountID.prepaid, label: "Insurance for \(month)", amount: -110_300),
            ]))
        }
    }

    func lastWeekday(of month: Period) -> LocalDate {
        var day = month.end
        while day.isWeekend { day = day.adding(days: -1) }
        return day
    }
}
