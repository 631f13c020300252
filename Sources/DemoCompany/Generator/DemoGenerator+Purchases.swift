import Ledger

extension DemoGenerator {
    static let supplyLabels = ["Castings and machined parts", "Fasteners and fittings", "Steel stock", "Polymer housings",
                               "Printed circuit boards", "Packaging materials", "Bearings", "Electrical components"]

    /// Supplier bills for goods, the monthly recurring vendors, occasional travel and office
    /// bills, and the consulting firm; each bill is paid (registered payment) on its due date.
    mutating func makePurchases(in month: Period) {
        for _ in 0..<scaled(60) {
            let supplier = random.pick(suppliers)
            let label = Self.supplyLabels[(supplier - suppliers[0]) % Self.supplyLabels.count]
            // Log-uniform over exactly one decade: first digits follow Benford, and no natural line is 10x another's median.
            let amounts = random.chance(70) ? [random.logUniform(80_000...800_000)]
                : [random.logUniform(80_000...800_000), random.logUniform(80_000...800_000)]
            makeBill(vendor: supplier, date: weekday(in: month), account: DemoChart.AccountID.cogs, amounts: amounts, label: label)
        }
        let isClosePeriod = month == period
        makeBill(vendor: vendors.rent, date: nextWeekday(from: month.start), account: DemoChart.AccountID.rent,
                 amounts: [850_000], label: "Office and warehouse rent " + month.description)
        // In the close period the utilities and software bills have not arrived: accruals are due.
        if !isClosePeriod {
            let utilities = random.int64(108_000...132_000)
            utilityHistory.append(utilities)
            makeBill(vendor: vendors.utilities, date: weekday(in: month, from: 10, to: 20), account: DemoChart.AccountID.utilities,
                     amounts: [utilities], label: "Electricity and water " + month.description)
            makeBill(vendor: vendors.software, date: nextWeekday(from: month.start.adding(days: 2)), account: DemoChart.AccountID.software,
                     amounts: [145_000], label: "ERP and CRM subscriptions " + month.description)
        }
        makeBill(vendor: vendors.freight, date: weekday(in: month), account: DemoChart.AccountID.freight,
                 amounts: [random.logUniform(30_000...300_000)], label: "Outbound freight " + month.description)
        for _ in 0..<2 {
            makeBill(vendor: vendors.office, date: weekday(in: month), account: DemoChart.AccountID.office,
                     amounts: [random.logUniform(5_000...50_000)], label: "Office supplies")
            makeBill(vendor: vendors.travelAgency, date: weekday(in: month), account: DemoChart.AccountID.travel,
                     amounts: [random.logUniform(20_000...200_000)], label: "Customer visit travel")
        }
        // The consulting firm's invoices are made up: 7,000.00 to 8,999.99 before tax (7,700 to 9,900 with it),
        // so their first digits ignore Benford's law.
        for _ in 0..<3 {
            makeBill(vendor: vendors.consulting, date: weekday(in: month), account: DemoChart.AccountID.consulting,
                     amounts: [Int64(random.int(7...8)) * 100_000 + random.int64(0...99_999)], label: "Advisory services")
        }
    }

    @discardableResult
    mutating func makeBill(vendor: Int, date: LocalDate, account: Int, amounts: [Int64], label: String,
                           state: MoveState = .posted, ref: String? = nil, taxIDs: [Int] = DemoChart.purchaseTaxIDs,
                           analytic: Bool = true, pay: Bool = true, createdBy: UserRef = DemoChart.Users.bob,
                           createdAt: Timestamp? = nil, naming: EntryDraft.Naming = .sequence, dueDays: Int = 30) -> Int {
        let reference = ref ?? nextVendorRef(vendor)
        var draft = EntryDraft(journalID: DemoChart.JournalID.purchases, type: .vendorBill, state: state, date: date, partnerID: vendor,
                               ref: reference, invoiceDate: date, dueDate: date.adding(days: dueDays), createdBy: createdBy,
                               createdAt: createdAt, naming: naming)
        draft.lines.reserveCapacity(amounts.count + 2)
        var tax: Int64 = 0
        let needsAnalytic = DemoChart.accounts[account - 1].code.hasPrefix("6")
        for amount in amounts {
            draft.lines.append(LineDraft(accountID: account, partnerID: vendor, label: label, amount: amount,
                                         analytic: analytic && needsAnalytic ? department() : nil, taxIDs: taxIDs))
            tax += Self.tax(on: amount)
        }
        draft.lines.append(LineDraft(accountID: DemoChart.AccountID.taxReceivable, partnerID: vendor, label: "10% Purchase Tax",
                                     amount: tax, kind: .tax))
        let total = amounts.reduce(0, +) + tax
        draft.lines.append(LineDraft(accountID: DemoChart.AccountID.payable, partnerID: vendor, label: reference, amount: -total,
                                     kind: .paymentTerm))
        let move = builder.add(draft)
        if pay && state == .posted {
            schedule(PlannedPayment(kind: .vendor, date: nextWeekday(from: date.adding(days: 30)), partnerID: vendor,
                                    openItems: [builder.openItemIndex(of: move)!], amount: -total, shape: "payment"))
        }
        return move
    }

    /// Payroll (posted by the payroll clerk, paid at month end, withholdings paid mid next month),
    /// depreciation, and the monthly release of the two annual prepaid contracts (insurance and the
    /// CAD software licence), whose bills come each year in the close period's month.
    mutating func makePayrollAndClosingEntries(in month: Period) {
        let account = DemoChart.AccountID.self
        let payday = lastWeekday(of: month)
        let gross = Int64((4_200_000.0 * scale).rounded()) + random.int64(0...150_000)
        let shares = [gross * 35 / 100, gross * 45 / 100]
        let parts = shares + [gross - shares[0] - shares[1]]
        let employerTax = (gross * 765 + 5_000) / 10_000
        let withheld = gross * 22 / 100
        let label = "Salaries " + month.description
        let payroll = builder.add(EntryDraft(journalID: DemoChart.JournalID.payroll, date: payday, ref: "Payroll " + month.description,
                                             createdBy: DemoChart.Users.carol, lines: [
            LineDraft(accountID: account.salaries, label: label, amount: parts[0], analytic: DemoChart.analyticPool[0]),
            LineDraft(accountID: account.salaries, label: label, amount: parts[1], analytic: DemoChart.analyticPool[1]),
            LineDraft(accountID: account.salaries, label: label, amount: parts[2], analytic: DemoChart.analyticPool[2]),
            LineDraft(accountID: account.payrollTaxes, label: "Employer payroll taxes", amount: employerTax, analytic: DemoChart.administration),
            LineDraft(accountID: account.withholdings, label: "Withholdings and payroll taxes due", amount: -(withheld + employerTax)),
            LineDraft(accountID: account.salariesPayable, label: "Net salaries due", amount: -(gross - withheld)),
        ]))
        let range = builder.lineRange(of: payroll)
        schedule(PlannedPayment(kind: .payroll, date: payday, partnerID: nil, openItems: [range.upperBound - 1], amount: -(gross - withheld),
                                shape: "payroll"))
        schedule(PlannedPayment(kind: .withholding, date: nextWeekday(from: month.next.start.adding(days: 14)), partnerID: vendors.taxAuthority,
                                openItems: [range.upperBound - 2], amount: -(withheld + employerTax), shape: "payroll-tax"))

        builder.add(EntryDraft(journalID: DemoChart.JournalID.misc, date: payday, ref: "Depreciation " + month.description,
                               createdBy: DemoChart.Users.bob, lines: [
            LineDraft(accountID: account.depreciation, label: "Depreciation of equipment", amount: 310_417, analytic: DemoChart.analyticPool[1]),
            LineDraft(accountID: account.depreciationReserve, label: "Depreciation of equipment", amount: -310_417),
        ]))

        let contracts: [(vendor: Int, expense: Int, history: Int64, current: Int64, what: String)] = [
            (vendors.insurance, account.insurance, 1_323_600, 1_443_600, "Annual liability insurance"),
            (vendors.cadSoftware, account.software, 540_000, 588_000, "Annual CAD software licence"),
        ]
        for contract in contracts {
            if month.month == period.month {
                let premium = month == period ? contract.current : contract.history
                let covered = month.description + " to " + month.advanced(by: 11).description
                let bill = makeBill(vendor: contract.vendor, date: nextWeekday(from: month.start.adding(days: 1)), account: account.prepaid,
                                    amounts: [premium], label: contract.what + " " + covered, analytic: false)
                if month == period {
                    plant("prepaid-bill", [.move(bill)], contract.what + " of \(DemoChart.usd.money(premium)) covering " + covered
                          + ", booked to prepaid expenses (141000); \(DemoChart.usd.money(premium / 12)) is to be released each month",
                          amount: premium / 12)
                }
            }
            if month != period {
                let release = contract.history / 12
                builder.add(EntryDraft(journalID: DemoChart.JournalID.misc, date: payday, ref: contract.what + " release " + month.description,
                                       createdBy: DemoChart.Users.bob, lines: [
                    LineDraft(accountID: contract.expense, label: contract.what + " " + month.description, amount: release,
                              analytic: DemoChart.administration),
                    LineDraft(accountID: account.prepaid, label: contract.what + " " + month.description, amount: -release),
                ]))
            }
        }
    }
}
