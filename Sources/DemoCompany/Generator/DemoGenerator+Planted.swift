import Ledger

extension DemoGenerator {
    /// Plants the close problems in the close period, each with its ground truth. Everything not
    /// planted here is clean, so any other finding is a false positive.
    mutating func plantProblems() {
        plantControlProblems()
        plantSequenceProblems()
        plantAnomalies()
        recordBankProblems()
    }

    @discardableResult
    mutating func misc(_ date: LocalDate, _ ref: String, by user: UserRef = DemoChart.Users.bob, state: MoveState = .posted,
                       createdAt: Timestamp? = nil, naming: EntryDraft.Naming = .sequence, journal: Int = DemoChart.JournalID.misc,
                       _ lines: [LineDraft]) -> Int {
        builder.add(EntryDraft(journalID: journal, state: state, date: date, ref: ref, createdBy: user, createdAt: createdAt,
                               naming: naming, lines: lines))
    }

    func line(_ account: Int, _ amount: Int64, _ label: String, partner: Int? = nil, analytic: AnalyticDistribution? = nil) -> LineDraft {
        LineDraft(accountID: account, partnerID: partner, label: label, amount: amount, analytic: analytic)
    }

    func linesOf(_ move: Int) -> Range<Int> { builder.lineRange(of: move) }

    /// A working day in the period, `day` or the next one.
    func workday(_ day: Int) -> LocalDate { nextWeekday(from: period.start.adding(days: day - 1)) }

    mutating func plantControlProblems() {
        let account = DemoChart.AccountID.self
        // Drafts dated in the period: a bill not yet validated and two unposted manual entries.
        let draftBill = makeBill(vendor: vendors.freight, date: weekday(in: period, from: 20), account: account.freight,
                                 amounts: [56_000], label: "Express freight", state: .draft)
        let draft1 = misc(weekday(in: period), "Accrual: audit fees", state: .draft,
                          [line(account.consulting, 450_000, "Audit fees", analytic: DemoChart.administration), line(account.accrued, -450_000, "Audit fees")])
        let draft2 = misc(weekday(in: period), "Reclass travel to office", state: .draft,
                          [line(account.office, 12_000, "Reclass", analytic: department()), line(account.travel, -12_000, "Reclass", analytic: department())])
        for move in [draftBill, draft1, draft2] {
            plant("draft-in-period", [.move(move)], "A draft dated \(builder.moves[move].date) in the close period: post it or delete it")
        }

        for (back, created, amount) in [(10, 14, Int64(38_250)), (25, 21, Int64(61_740))] {
            let dated = previousWeekday(from: lockDate.adding(days: -back))
            let at = Timestamp(date: workday(created), hour: 11, minute: 5)
            let entry = misc(dated, "Late correction to \(Period(containing: dated))", createdAt: at,
                             [line(account.office, amount, "Correction", analytic: department()),
                              line(account.payable, -amount, "Correction", partner: vendors.office)])
            plant("posted-after-lock", [.move(entry)], "{name} was posted on \(at.date) but is dated \(dated), before the lock date \(lockDate)")
        }

        let unbalanced = misc(workday(8), "Manual adjustment",
                              [line(account.otherIncome, -122_450, "Adjustment"), line(account.bank, 123_450, "Adjustment")])
        plant("unbalanced-entry", [.move(unbalanced)], "{name}: debits exceed credits by 10.00 (1,234.50 against 1,224.50)")

        for (day, accountID) in [(9, account.travel), (16, account.office)] {
            let both = misc(workday(day), "Netting",
                            [line(accountID, 10_000, "Netting", analytic: department()), line(account.outstandingPayments, -10_000, "Netting")])
            let index = linesOf(both).lowerBound
            builder.lines[index].bothSides = 5_000
            plant("line-debit-and-credit", [.line(index)], "One line carries both a debit of 150.00 and a credit of 50.00")
        }

        let noPartner1 = misc(workday(12), "Reclass receivable",
                              [line(account.receivable, 65_000, "Reclass"), line(account.otherIncome, -65_000, "Reclass")])
        let noPartner2 = misc(workday(19), "Rent adjustment",
                              [line(account.rent, 20_000, "Rent adjustment", analytic: department()), line(account.payable, -20_000, "Rent adjustment")])
        plant("missing-partner-on-receivable-payable", [.line(linesOf(noPartner1).lowerBound)], "A receivable line without a partner")
        plant("missing-partner-on-receivable-payable", [.line(linesOf(noPartner2).lowerBound + 1)], "A payable line without a partner")

        for (vendor, expense) in [(vendors.office, account.office), (vendors.travelAgency, account.travel), (vendors.office, account.office)] {
            let bill = makeBill(vendor: vendor, date: weekday(in: period), account: expense, amounts: [random.logUniform(9_000...25_000)],
                                label: "Unassigned purchase", analytic: false)
            plant("missing-analytic", [.line(linesOf(bill).lowerBound)], "An expense line (6xxxxx) without an analytic distribution")
        }
        for _ in 0..<2 {
            let bill = makeBill(vendor: vendors.travelAgency, date: weekday(in: period), account: account.travel,
                                amounts: [random.logUniform(40_000...90_000)], label: "Trade fair travel")
            let index = linesOf(bill).lowerBound
            builder.lines[index].analytic = DemoChart.ninetyPercent
            plant("analytic-not-100", [.line(index)], "The analytic distribution sums to 90 % (50 % Sales, 40 % Operations)")
        }
        for amount: Int64 in [240_000, 117_350] {
            let bill = makeBill(vendor: random.pick(suppliers), date: weekday(in: period), account: account.cogs, amounts: [amount],
                                label: "Components", taxIDs: DemoChart.salesTaxIDs)
            plant("tax-journal-mismatch", [.line(linesOf(bill).lowerBound)], "A sales tax (10% Sales Tax) on a vendor bill line")
        }

        plant("journal-without-entries", [.journal(DemoChart.JournalID.pettyCash)], "No posted entry in \(period) in the Petty Cash journal (CSH1)")

        let typoDate = nextWeekday(from: period.end.adding(months: 12).adding(days: -16))
        let typo = misc(typoDate, "Printer toner", createdAt: Timestamp(date: previousWeekday(from: period.end.adding(days: -3)), hour: 15),
                        [line(account.office, 14_500, "Printer toner", analytic: department()), line(account.outstandingPayments, -14_500, "Printer toner")])
        plant("future-dated-entry", [.move(typo)], "{name} is dated \(typoDate): the year typed wrong")
        let earlyDate = nextWeekday(from: period.end.adding(months: 2).adding(days: -10))
        let early = misc(earlyDate, "Prepaid trade show booth", createdAt: Timestamp(date: workday(22), hour: 10, minute: 40),
                         [line(account.travel, 86_000, "Trade show booth", analytic: department()), line(account.accrued, -86_000, "Trade show booth")])
        plant("future-dated-entry", [.move(early)], "{name} is dated \(earlyDate), after the close date")

        let lateCreation = Timestamp(date: nextWeekday(from: period.end.adding(days: 3)), hour: 10)
        for day in [2, 1] {
            let dated = previousWeekday(from: period.end.adding(days: -day))
            let amount = 33_000 + Int64(day) * 1_111
            let late = misc(dated, "Freight surcharge", createdAt: Timestamp(secondsSinceEpoch: lateCreation.secondsSinceEpoch + Int64(day) * 600),
                            [line(account.freight, amount, "Freight surcharge", analytic: department()), line(account.accrued, -amount, "Freight surcharge")])
            plant("late-posting", [.move(late)], "{name} was created on \(lateCreation.date), after the period ended, but is dated \(dated)")
        }
    }

    mutating func plantSequenceProblems() {
        let bill = makeBill(vendor: random.pick(suppliers), date: weekday(in: period, from: 15), account: DemoChart.AccountID.cogs,
                            amounts: [88_000], label: "Components", naming: .afterGap)
        plant("sequence-gap", [.move(bill)], "{skipped} is missing from the vendor bill sequence (the next bill is {name})")
        let invoice = makeInvoice(customer: random.pick(customers), date: weekday(in: period, from: 15), currency: DemoChart.usd, rate: 100,
                                  naming: .afterGap, pay: false)
        plant("sequence-gap", [.move(invoice)], "{skipped} is missing from the customer invoice sequence (the next invoice is {name})")

        let early = period.start.adding(days: 14)
        if let original = builder.moves.indices.first(where: {
            builder.moves[$0].journalID == DemoChart.JournalID.misc && builder.moves[$0].state == .posted && period.contains(builder.moves[$0].date)
                && builder.moves[$0].createdAt.date <= early }) {
            let copy = misc(workday(24), "Depreciation correction", naming: .sameAs(original),
                            [line(DemoChart.AccountID.depreciation, 1_250, "Correction", analytic: DemoChart.analyticPool[1]),
                             line(DemoChart.AccountID.depreciationReserve, -1_250, "Correction")])
            plant("sequence-duplicate", [.move(original), .move(copy)], "{name} is used by two entries")
        }
        if let original = builder.moves.indices.first(where: {
            builder.moves[$0].journalID == DemoChart.JournalID.sales && builder.moves[$0].type == .customerInvoice
                && builder.moves[$0].state == .posted && period.contains(builder.moves[$0].date) && builder.moves[$0].createdAt.date <= early }) {
            let copy = makeInvoice(customer: random.pick(customers), date: workday(23), currency: DemoChart.usd, rate: 100,
                                   naming: .sameAs(original), pay: false)
            plant("sequence-duplicate", [.move(original), .move(copy)], "{name} is used by two customer invoices")
        }
    }

    mutating func plantAnomalies() {
        let account = DemoChart.AccountID.self
        // Duplicate bills: the same supplier invoice entered twice, its number retyped.
        let latest = period.end.adding(days: -7)
        let candidates = builder.moves.indices.filter {
            builder.moves[$0].type == .vendorBill && builder.moves[$0].state == .posted && period.contains(builder.moves[$0].date)
                && builder.moves[$0].date <= latest && suppliers.contains(builder.moves[$0].partnerID ?? 0)
        }
        for original in [candidates[0], candidates[candidates.count / 2]] {
            let move = builder.moves[original]
            let products = linesOf(original).filter { builder.lines[$0].kind == .product }.map { builder.lines[$0] }
            let ref = move.ref ?? ""
            // A typo in the last digit, never one that happens to be another of the vendor's real numbers:
            // a vendor issues each number once, so a reused one is a duplicate whatever the amount.
            let used = Set(builder.moves.filter { $0.partnerID == move.partnerID }.compactMap(\.ref))
            let retyped = ["1", "7", "3", "9", "5"].map { String(ref.dropLast()) + $0 }.first { $0 != ref && !used.contains($0) } ?? ref + "1"
            let duplicate = makeBill(vendor: move.partnerID!, date: nextWeekday(from: move.date.adding(days: 3)), account: products[0].accountID,
                                     amounts: products.map(\.amount), label: products[0].label, ref: retyped, pay: false)
            plant("duplicate-vendor-bill", [.move(original), .move(duplicate)], "The same supplier invoice entered twice: \(ref) and \(retyped)")
        }
        let bigOffice = makeBill(vendor: vendors.office, date: weekday(in: period), account: account.office, amounts: [248_000], label: "Office supplies")
        plant("unusual-amount", [.line(linesOf(bigOffice).lowerBound)], "2,480.00 of office supplies, about ten times the usual bill")
        let bigTravel = makeBill(vendor: vendors.travelAgency, date: weekday(in: period), account: account.travel, amounts: [1_050_000],
                                 label: "Customer visit travel")
        plant("unusual-amount", [.line(linesOf(bigTravel).lowerBound)], "10,500.00 of travel, over ten times the usual bill")

        let rare1 = makeBill(vendor: suppliers[0], date: weekday(in: period), account: account.software, amounts: [64_500], label: "Licence")
        plant("rare-account-partner", [.line(linesOf(rare1).lowerBound)], "\(partners[suppliers[0] - 1].name) has never been booked to 612000 Software Subscriptions")
        let rare2 = makeBill(vendor: vendors.rent, date: weekday(in: period), account: account.office, amounts: [18_900], label: "Key cards and locks")
        plant("rare-account-partner", [.line(linesOf(rare2).lowerBound)], "Harbor Properties LLC has never been booked to 628000 Office Supplies")

        for (day, amount) in [(13, Int64(1_000_000)), (20, Int64(2_500_000))] {
            let round = misc(workday(day), "Management adjustment",
                             [line(account.otherIncome, amount, "Adjustment"), line(account.accrued, -amount, "Adjustment")])
            plant("round-amount-manual-entry", [.move(round)], "A manual entry of exactly \(DemoChart.usd.money(amount))")
        }
        for weekday in [6, 7] {
            var date = period.start
            while date.isoWeekday != weekday { date = date.adding(days: 1) }
            let entry = misc(date, "Mileage claim", createdAt: Timestamp(date: date, hour: 21, minute: 14),
                             [line(account.travel, 27_300, "Mileage", analytic: department()), line(account.outstandingPayments, -27_300, "Mileage")])
            plant("weekend-posting", [.move(entry)], "Dated and entered on a \(weekday == 6 ? "Saturday" : "Sunday") (\(date))")
        }
        let bobPayroll = misc(workday(15), "Bonus adjustment", journal: DemoChart.JournalID.payroll,
                              [line(account.salaries, 180_000, "Bonus", analytic: DemoChart.analyticPool[0]), line(account.salariesPayable, -180_000, "Bonus")])
        plant("unusual-user-journal", [.move(bobPayroll)], "Bob Bookkeeper has never posted to the Payroll journal")
        let carolMisc = misc(workday(17), "Payroll accrual correction", by: DemoChart.Users.carol,
                             [line(account.salaries, 42_780, "Accrued overtime", analytic: DemoChart.analyticPool[1]), line(account.accrued, -42_780, "Accrued overtime")])
        plant("unusual-user-journal", [.move(carolMisc)], "Carol Payroll has never posted to Miscellaneous Operations")

        let recent = utilityHistory.suffix(3)
        let expectedUtilities = recent.reduce(0, +) / Int64(max(1, recent.count))
        plant("missing-recurring-bill", [.partner(vendors.utilities)], "No City Power & Water bill in \(period); the last three averaged "
              + "\(DemoChart.usd.money(expectedUtilities)) before tax: accrue it", amount: expectedUtilities)
        plant("missing-recurring-bill", [.partner(vendors.software)], "No CloudSuite Inc. bill in \(period) (1,450.00 before tax every month): accrue it",
              amount: 145_000)
        plant("benford-deviation", [.partner(vendors.consulting)], "Every bill of Acme Consulting Group starts with 7, 8 or 9")
    }

    /// Problems that the bank activity produces by itself: the statement lines not reconciled
    /// (mostly those after the reconciliation cut-off, one forgotten last month) and the suspense
    /// balance they leave behind.
    mutating func recordBankProblems() {
        let open = builder.statementLines.indices.filter { !builder.statementLines[$0].isReconciled && builder.statementLines[$0].date <= period.end }
        for handle in open {
            let line = builder.statementLines[handle]
            plant("unreconciled-statement-line", [.statementLine(handle)], "Statement line of \(line.date) for \(line.amount) is not reconciled")
        }
        if !open.isEmpty {
            plant("suspense-not-zero", [.account(DemoChart.AccountID.suspense)],
                  "\(open.count) unreconciled statement lines leave a balance on 101404 Bank Suspense Account")
        }
    }
}
