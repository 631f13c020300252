import Ledger

extension DemoGenerator {
    /// Customer invoices (a few product lines, sales tax, receivable) and some refunds; each
    /// invoice is scheduled to be paid 15–50 days later with the noise real banks add.
    mutating func makeSales(in month: Period) {
        let count = options.scaled(170)
        for _ in 0..<count {
            let customer = random.pick(customers)
            makeInvoice(customer: customer, date: weekday(in: month), currency: DemoChart.usd, rate: 100)
        }
        // The EUR customer buys twice a month and pays in EUR into the EUR account.
        for _ in 0..<options.scaled(2) {
            makeInvoice(customer: eurCustomer, date: weekday(in: month), currency: DemoChart.eur, rate: 108 + Int64(month.month % 4))
        }
        for _ in 0..<options.scaled(3) { makeRefund(date: weekday(in: month)) }
    }

    /// `rate` is USD cents per EUR cent, times 100 (108 = 1.08).
    mutating func makeInvoice(customer: Int, date: LocalDate, currency: Currency, rate: Int64) {
        var draft = EntryDraft(journalID: DemoChart.JournalID.sales, type: .customerInvoice, date: date, partnerID: customer,
                               currency: currency, invoiceDate: date, dueDate: date.adding(days: 30), createdBy: DemoChart.Users.alice)
        var total: Int64 = 0, totalForeign: Int64 = 0, tax: Int64 = 0, taxForeign: Int64 = 0
        for _ in 0..<random.int(1...4) {
            let foreign = random.pick(DemoChart.productPrices) * Int64(random.int(1...12))
            let amount = foreign * rate / 100
            draft.lines.append(LineDraft(accountID: DemoChart.AccountID.sales, partnerID: customer, label: "Product sale",
                                         amount: -amount, amountCurrency: -foreign, taxIDs: [DemoChart.TaxID.sales]))
            total += amount; totalForeign += foreign
            tax += Self.tax(on: amount); taxForeign += Self.tax(on: foreign)
        }
        draft.lines.append(LineDraft(accountID: DemoChart.AccountID.taxPayable, partnerID: customer, label: "10% Sales Tax",
                                     amount: -tax, amountCurrency: -taxForeign, kind: .tax))
        let due = total + tax
        draft.lines.append(LineDraft(accountID: DemoChart.AccountID.receivable, partnerID: customer, label: "",
                                     amount: due, amountCurrency: totalForeign + taxForeign, kind: .paymentTerm))
        let move = builder.add(draft)
        schedulePayment(of: move, partner: customer, amount: due, invoiceDate: date)
    }

    /// A credit note for returned goods, settled against the customer's next payment in real life;
    /// here it is refunded by bank transfer.
    mutating func makeRefund(date: LocalDate) {
        let customer = random.pick(customers)
        let amount = random.pick(DemoChart.productPrices)
        let tax = Self.tax(on: amount)
        let move = builder.add(EntryDraft(
            journalID: DemoChart.JournalID.sales, type: .customerRefund, date: date, partnerID: customer, ref: "Return of goods",
            invoiceDate: date, dueDate: date.adding(days: 30), createdBy: DemoChart.Users.alice, lines: [
                LineDraft(accountID: DemoChart.AccountID.sales, partnerID: customer, label: "Returned goods", amount: amount,
                          taxIDs: [DemoChart.TaxID.sales]),
                LineDraft(accountID: DemoChart.AccountID.taxPayable, partnerID: customer, label: "10% Sales Tax", amount: tax, kind: .tax),
                LineDraft(accountID: DemoChart.AccountID.receivable, partnerID: customer, label: "", amount: -(amount + tax), kind: .paymentTerm),
            ]))
        schedule(PlannedPayment(kind: .customer, date: nextWeekday(from: date.adding(days: random.int(5...20))), partnerID: customer,
                                openItems: [builder.openItemIndex(of: move)!], amount: -(amount + tax), shape: "1:1"))
    }

    /// Most customers pay in full; some pay late, some several invoices at once, some minus a bank
    /// fee, some a cent off, and a few in two instalments.
    mutating func schedulePayment(of move: Int, partner: Int, amount: Int64, invoiceDate: LocalDate) {
        let item = builder.openItemIndex(of: move)!
        let date = nextWeekday(from: invoiceDate.adding(days: random.int(15...50)))
        let roll = random.int(0...99)
        if partner == eurCustomer {
            schedule(PlannedPayment(kind: .customer, date: date, partnerID: partner, openItems: [item], amount: amount, shape: "fx"))
        } else if roll < 8, let index = payments.indices.suffix(60).last(where: { index in
            let candidate = payments[index]
            return candidate.kind == .customer && candidate.amount > 0 && candidate.partnerID == partner && candidate.openItems.count < 3 && candidate.fee == 0
                && candidate.rounding == 0 && candidate.shape != "N:1" && candidate.shape != "fx" && abs(candidate.date.days(until: date)) < 20 }) {
            payments[index].openItems.append(item)
            payments[index].amount += amount
            payments[index].shape = "1:N"
        } else if roll < 12 {
            let fee = Int64(random.pick([1_500, 2_000, 2_500]))
            schedule(PlannedPayment(kind: .customer, date: date, partnerID: partner, openItems: [item], amount: amount - fee, fee: fee, shape: "fee"))
        } else if roll < 15 {
            let off = Int64(random.pick([-1, 1, -2]))
            schedule(PlannedPayment(kind: .customer, date: date, partnerID: partner, openItems: [item], amount: amount + off, rounding: off, shape: "rounding"))
        } else if roll < 18 {
            let first = amount / 2
            schedule(PlannedPayment(kind: .customer, date: date, partnerID: partner, openItems: [item], amount: first, shape: "N:1"))
            schedule(PlannedPayment(kind: .customer, date: nextWeekday(from: date.adding(days: 14)), partnerID: partner, openItems: [item],
                                    amount: amount - first, shape: "N:1"))
        } else {
            schedule(PlannedPayment(kind: .customer, date: date, partnerID: partner, openItems: [item], amount: amount, shape: "1:1"))
        }
    }

    /// Payments after the day of the close have not happened yet.
    mutating func schedule(_ payment: PlannedPayment) {
        guard payment.date <= period.end else { return }
        payments.append(payment)
    }
}
