import Ledger

extension DemoGenerator {
    /// Plants the close problems in the close period, each with its ground truth. Everything not
    /// planted here is clean, so any other finding is a false positive.
    mutating func plantProblems() {
        plantDeterministicProblems()
        plantSequenceProblems()
        plantAnomalies()
        recordNaturalProblems()
    }

    mutating func misc(_ date: LocalDate, _ ref: String, by user: UserRef = DemoChart.Users.bob, state: MoveState = .posted,
                       createdAt: Timestamp? = nil, name: String? = nil, journal: Int = DemoChart.JournalID.misc,
                       _ lines: [LineDraft]) -> Int {
        builder.add(EntryDraft(journalID: journal, state: state, date: date, ref: ref, createdBy: user, createdAt: createdAt,
                               name: name, lines: lines))
    }

    func line(_ account: Int, _ amount: Int64, _ label: String, partner: Int? = nil, analytic: AnalyticDistribution? = nil) -> LineDraft {
        LineDraft(accountID: account, partnerID: partner, label: label, amount: amount, analytic: analytic)
    }

    func linesOf(_ move: Int) -> Range<Int> { builder.lineRange(of: move) }

    mutating func plantDeterministicProblems() {
        let account = DemoChart.AccountID.self
        // Drafts dated in the period: a bill not yet validated and two unposted accrual drafts.
        let draftBill = makeBill(vendor: vendors.freight, date: weekday(in: period, from: 20), account: account.freight,
                                 amounts: [56_000], label: "Express freight", state: .draft)
        let draft1 = misc(weekday(in: period), "Accrual draft: audit fees", state: .draft,
                          [line(account.consulting, 450_000, "Audit fees", analytic: department()), line(account.accrued, -450_000, "Audit fees")])
        let draft2 = misc(weekday(in: period), "Reclass draft", state: .draft,
                          [line(account.office, 12_000, "Reclass", analytic: department()), line(account.travel, -12_000, "Reclass", analytic: department())])
        for move in [draftBill, draft1, draft2] {
            plant("draft-in-period", [ref(move)], "Entry \(builder.moves[move - 1].name) dated \(builder.moves[move - 1].date) is still a draft")
        }

        let lock = period.advanced(by: -4).end
        let afterLock = misc(lock.adding(days: -10), "Late correction to June", createdAt: Timestamp(date: period.start.adding(days: 13), hour: 11),
                             [line(account.office, 38_250, "Correction", analytic: department()), line(account.payable, -38_250, "Correction", partner: vendors.office)])
        plant("posted-after-lock", [ref(afterLock)], "Posted on \(period.start.adding(days: 13)) but dated \(lock.adding(days: -10)), before the lock date \(lock)")

        let unbalanced = misc(weekday(in: period), "Manual adjustment",
                              [line(account.otherIncome, -99_000, "Adjustment"), line(account.bank, 100_000, "Adjustment")])
        plant("unbalanced-entry", [ref(unbalanced)], "Debits exceed credits by 10.00")

        let both = misc(weekday(in: period), "Netting",
                        [line(account.travel, 10_000, "Netting", analytic: department()), line(account.outstandingPayments, -10_000, "Netting")])
        let bothLine = linesOf(both).lowerBound
        builder.edit { _, lines, _ in
            lines[bothLine].debit = DemoChart.usd.money(15_000)
            lines[bothLine].credit = DemoChart.usd.money(5_000)
        }
        plant("line-debit-and-credit", [lineRef(bothLine)], "One line carries a debit of 150.00 and a credit of 50.00")

        let noPartner1 = misc(weekday(in: period), "Reclass receivable",
                              [line(account.receivable, 65_000, "Reclass"), line(account.otherIncome, -65_000, "Reclass")])
        let noPartner2 = misc(weekday(in: period), "Accrued rent adjustment",
                              [line(account.rent, 20_000, "Rent adjustment", analytic: department()), line(account.payable, -20_000, "Rent adjustment")])
        plant("missing-partner-on-receivable-payable", [lineRef(linesOf(noPartner1).lowerBound)], "Receivable line without a partner")
        plant("missing-partner-on-receivable-payable", [lineRef(linesOf(noPartner2).lowerBound + 1)], "Payable line without a partner")

        for (vendor, expense) in [(vendors.office, account.office), (vendors.travelAgency, account.travel), (vendors.office, account.office)] {
            let bill = makeBill(vendor: vendor, date: weekday(in: period), account: expense, amounts: [random.int64(9_000...25_000)],
                                label: "Unassigned purchase", analytic: false)
            plant("missing-analytic", [lineRef(linesOf(bill).lowerBound)], "Expense line without an analytic distribution")
        }
        for _ in 0..<2 {
            let bill = makeBill(vendor: vendors.travelAgency, date: weekday(in: period), account: account.travel,
                                amounts: [random.int64(40_000...90_000)], label: "Trade fair travel")
            let index = linesOf(bill).lowerBound
            builder.edit { _, lines, _ in
                lines[index].analytic = AnalyticDistribution([.init(accountIDs: [1], percent: 50), .init(accountIDs: [2], percent: 40)])
            }
            plant("analytic-not-100", [lineRef(index)], "Analytic distribution sums to 90 %")
        }
        let wrongTax = makeBill(vendor: random.pick(suppliers), date: weekday(in: period), account: account.cogs, amounts: [240_000],
                                label: "Components", taxID: DemoChart.TaxID.sales)
        plant("tax-journal-mismatch", [lineRef(linesOf(wrongTax).lowerBound)], "A sales tax on a vendor bill line")

        plant("journal-without-entries", [RecordRef(model: "account.journal", id: DemoChart.JournalID.pettyCash, name: "Petty Cash")],
              "No posted entry in \(period) in the petty cash journal")

        let future = period.end.adding(months: 12).adding(days: -16)
        let typo = misc(nextWeekday(from: future), "Year typo", createdAt: Timestamp(date: period.end.adding(days: -3), hour: 15),
                        [line(account.office, 14_500, "Printer toner", analytic: department()), line(account.outstandingPayments, -14_500, "Printer toner")])
        plant("future-dated-entry", [ref(typo)], "Dated \(builder.moves[typo - 1].date): a year typed wrong (outside the pull window)")

        for day in [2, 1] {
            let dated = nextWeekdayBackwards(from: period.end.adding(days: -day))
            let late = misc(dated, "Late invoice correction", createdAt: Timestamp(date: period.end.adding(days: 3), hour: 10),
                            [line(account.freight, 33_000 + Int64(day) * 1_111, "Freight surcharge", analytic: department()),
                             line(account.accrued, -(33_000 + Int64(day) * 1_111), "Freight surcharge")])
            plant("late-posting", [ref(late)], "Created \(period.end.adding(days: 3)) after the period ended, dated \(dated)")
        }
    }

    func nextWeekdayBackwards(from date: LocalDate) -> LocalDate {
        var day = date
        while day.isWeekend { day = day.adding(days: -1) }
        return day
    }

    mutating func plantSequenceProblems() {
        let date = weekday(in: period, from: 15)
        let skipped = builder.skipNumber(journalID: DemoChart.JournalID.purchases, date: date)
        let afterGap = makeBill(vendor: random.pick(suppliers), date: date, account: DemoChart.AccountID.cogs, amounts: [88_000], label: "Components")
        plant("sequence-gap", [ref(afterGap)], "\(skipped) is missing from the vendor bill sequence")

        guard let original = builder.moves.first(where: { $0.journalID == DemoChart.JournalID.misc && $0.state == .posted && period.contains($0.date) })
        else { return }
        let copy = misc(original.date, "Depreciation correction", name: original.name,
                        [line(DemoChart.AccountID.depreciation, 1_250, "Correction", analytic: department()),
                         line(DemoChart.AccountID.depreciationReserve, -1_250, "Correction")])
        plant("sequence-duplicate", [ref(original.id), ref(copy)], "\(original.name) is used by two entries")
    }

    mutating func plantAnomalies() {
        let account = DemoChart.AccountID.self
        // Duplicate bills: the same supplier invoice entered twice, its number retyped.
        let candidates = builder.moves.filter { $0.type == .vendorBill && $0.state == .posted && period.contains($0.date)
            && suppliers.contains($0.partnerID ?? 0) }
        for original in candidates.prefix(2) {
            let lines = builder.lineRange(of: original.id).map { builder.lines[$0] }.filter { $0.kind == .product }
            let ref = original.ref ?? ""
            let retyped = ref.count > 3 ? String(ref.dropLast()) + (ref.last == "1" ? "7" : "1") : ref + "1"
            let duplicate = makeBill(vendor: original.partnerID!, date: nextWeekday(from: original.date.adding(days: 3)), account: lines[0].accountID,
                                     amounts: lines.map(\.debit.minorUnits), label: lines[0].label, ref: retyped, pay: false)
            plant("duplicate-vendor-bill", [self.ref(original.id), self.ref(duplicate)], "The same bill entered twice (\(ref) / \(retyped))")
        }
        let bigOffice = makeBill(vendor: vendors.office, date: weekday(in: period), account: account.office, amounts: [248_000], label: "Office supplies")
        plant("unusual-amount", [lineRef(linesOf(bigOffice).lowerBound)], "2,480.00 of office supplies, about ten times the usual")
        let bigTravel = makeBill(vendor: vendors.travelAgency, date: weekday(in: period), account: account.travel, amounts: [1_050_000], label: "Customer visit travel")
        plant("unusual-amount", [lineRef(linesOf(bigTravel).lowerBound)], "10,500.00 of travel, over ten times the usual")

        let rare = makeBill(vendor: suppliers[0], date: weekday(in: period), account: account.software, amounts: [64_500], label: "License")
        plant("rare-account-partner", [lineRef(linesOf(rare).lowerBound)], "\(partners[suppliers[0] - 1].name) has never been booked to software subscriptions")

        for amount: Int64 in [1_000_000, 2_500_000] {
            let round = misc(weekday(in: period), "Management adjustment", by: DemoChart.Users.admin,
                             [line(account.otherIncome, amount, "Adjustment"), line(account.accrued, -amount, "Adjustment")])
            plant("round-amount-manual-entry", [ref(round)], "A manual entry of exactly \(DemoChart.usd.money(amount))")
        }
        let saturday = firstWeekend(in: period, weekday: 6), sunday = firstWeekend(in: period, weekday: 7)
        for date in [saturday, sunday] {
            let entry = misc(date, "Weekend correction", createdAt: Timestamp(date: date, hour: 21, minute: 14),
                             [line(account.travel, 27_300, "Mileage", analytic: department()), line(account.outstandingPayments, -27_300, "Mileage")])
            plant("weekend-posting", [ref(entry)], "Dated and posted on a \(date.isoWeekday == 6 ? "Saturday" : "Sunday")")
        }
        let bobPayroll = misc(weekday(in: period), "Bonus adjustment", journal: DemoChart.JournalID.payroll,
                              [line(account.salaries, 180_000, "Bonus", analytic: department()), line(account.salariesPayable, -180_000, "Bonus")])
        plant("unusual-user-journal", [ref(bobPayroll)], "Bob Bookkeeper has never posted to the payroll journal")

        let expectedUtilities = utilityHistory.suffix(3).reduce(0, +) / Int64(max(1, min(3, utilityHistory.count)))
        plant("missing-recurring-bill", [partnerRef(vendors.utilities)], "No utilities bill in \(period); the last three averaged "
              + "\(DemoChart.usd.money(expectedUtilities))", amount: expectedUtilities)
        plant("missing-recurring-bill", [partnerRef(vendors.software)], "No software subscription bill in \(period) (1,450.00 every month)",
              amount: 145_000)
        plant("benford-deviation", [partnerRef(vendors.consulting)], "Every bill of this vendor starts with 7, 8 or 9")
    }

    func partnerRef(_ id: Int) -> RecordRef { RecordRef(model: "res.partner", id: id, name: partners[id - 1].name) }

    func firstWeekend(in month: Period, weekday: Int) -> LocalDate {
        var day = month.start
        while day.isoWeekday != weekday { day = day.adding(days: 1) }
        return day
    }

    /// Problems that the generated bank activity produces by itself: the statement lines not yet
    /// reconciled, and the suspense account they leave behind.
    mutating func recordNaturalProblems() {
        let open = builder.statementLines.filter { !$0.isReconciled && $0.date <= period.end }
        for line in open {
            plant("unreconciled-statement-line", [RecordRef(model: "account.bank.statement.line", id: line.id, name: builder.moves[line.moveID - 1].name)],
                  "Statement line of \(line.date) for \(line.amount) is not reconciled")
        }
        if !open.isEmpty {
            plant("suspense-not-zero", [RecordRef(model: "account.account", id: DemoChart.AccountID.suspense, name: "101404 Bank Suspense Account")],
                  "\(open.count) unreconciled statement lines leave a balance on the suspense account")
        }
    }
}
