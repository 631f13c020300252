import Ledger

extension DemoGenerator {
    /// What Northwind sells: Odoo-style product labels ("[default_code] name") and unit prices in cents.
    static let products: [(label: String, price: Int64)] = [
        ("[NW-1001] Hydraulic fitting 12mm", 4_500), ("[NW-1002] Brass valve 3/4in", 8_900), ("[NW-1010] Bearing kit", 12_000),
        ("[NW-1020] Steel bracket set", 19_900), ("[NW-1030] Control relay", 24_500), ("[NW-1040] Servo drive", 39_900),
        ("[NW-1050] Gearbox assembly", 64_000), ("[NW-1060] PLC module", 89_000), ("[NW-1070] Conveyor section", 120_000),
        ("[NW-1080] Pump station", 240_000),
    ]

    /// Customer invoices (a few product lines, sales tax, receivable) and some refunds; each
    /// invoice is scheduled to be paid 15–50 days later with the noise real banks add.
    mutating func makeSales(in month: Period) {
        for _ in 0..<scaled(170) {
            makeInvoice(customer: random.pick(customers), date: weekday(in: month), currency: DemoChart.usd, rate: 100)
        }
        // The EUR customer buys twice a month and pays in EUR into the EUR account.
        for _ in 0..<scaled(2) {
            makeInvoice(customer: eurCustomer, date: weekday(in: month), currency: DemoChart.eur, rate: eurRate(in: month))
        }
        for _ in 0..<scaled(3) { makeRefund(date: weekday(in: month)) }
    }

    /// USD cents per 100 EUR cents in the month (1.08 to 1.11).
    func eurRate(in month: Period) -> Int64 { 108 + Int64(month.month % 4) }

    /// `rate` is USD cents per 100 cents of the invoice currency.
    @discardableResult
    mutating func makeInvoice(customer: Int, date: LocalDate, currency: Currency, rate: Int64, naming: EntryDraft.Naming = .sequence,
                              createdAt: Timestamp? = nil, pay: Bool = true) -> Int {
        var draft = EntryDraft(journalID: DemoChart.JournalID.sales, type: .customerInvoice, date: date, partnerID: customer,
                               currency: currency, invoiceDate: date, dueDate: date.adding(days: 30), createdBy: DemoChart.Users.alice,
                               createdAt: createdAt, naming: naming)
        draft.lines.reserveCapacity(6)
        var total: Int64 = 0, totalForeign: Int64 = 0, tax: Int64 = 0, taxForeign: Int64 = 0
        for _ in 0..<random.int(1...4) {
            let product = random.pick(Self.products)
            let foreign = product.price * Int64(random.int(1...12))
            let amount = foreign * rate / 100
            draft.lines.append(LineDraft(accountID: DemoChart.AccountID.sales, partnerID: customer, label: product.label,
                                         amount: -amount, amountCurrency: -foreign, taxIDs: DemoChart.salesTaxIDs))
            total += amount; totalForeign += foreign
            tax += Self.tax(on: amount); taxForeign += Self.tax(on: foreign)
        }
        draft.lines.append(LineDraft(accountID: DemoChart.AccountID.taxPayable, partnerID: customer, label: "10% Sales Tax",
                                     amount: -tax, amountCurrency: -taxForeign, kind: .tax))
        let due = total + tax
        draft.lines.append(LineDraft(accountID: DemoChart.AccountID.receivable, partnerID: customer, label: "",
                                     amount: due, amountCurrency: totalForeign + taxForeign, kind: .paymentTerm))
        let move = builder.add(draft)
        if pay { schedulePayment(of: move, partner: customer, amount: due, invoiceDate: date) }
        return move
    }

    /// A credit note for returned goods, refunded by bank transfer a week or two later.
    mutating func makeRefund(date: LocalDate) {
        let customer = random.pick(customers)
        let product = random.pick(Self.products)
        let amount = product.price * Int64(random.int(1...2))
        let tax = Self.tax(on: amount)
        let move = builder.add(EntryDraft(
            journalID: DemoChart.JournalID.sales, type: .customerRefund, date: date, partnerID: customer, ref: "Return of goods",
            invoiceDate: date, dueDate: date.adding(days: 30), createdBy: DemoChart.Users.alice, lines: [
                LineDraft(accountID: DemoChart.AccountID.sales, partnerID: customer, label: product.label, amount: amount,
                          taxIDs: DemoChart.salesTaxIDs),
                LineDraft(accountID: DemoChart.AccountID.taxPayable, partnerID: customer, label: "10% Sales Tax", amount: tax, kind: .tax),
                LineDraft(accountID: DemoChart.AccountID.receivable, partnerID: customer, label: "", amount: -(amount + tax), kind: .paymentTerm),
            ]))
        schedule(PlannedPayment(kind: .customer, date: nextWeekday(from: date.adding(days: random.int(5...20))), partnerID: customer,
                                openItems: [builder.openItemIndex(of: move)!], amount: -(amount + tax), shape: "1:1",
                                referenceStyle: .names))
    }

    /// Most customers pay in full; some pay several invoices at once, some minus a bank fee, some
    /// a cent off, a few in two instalments, and a few not at all (overdue). Customers with a planted
    /// habit are scheduled alike, then moved to their habit's days (`retimeHabitualPayments`).
    mutating func schedulePayment(of move: Int, partner: Int, amount: Int64, invoiceDate: LocalDate) {
        let item = builder.openItemIndex(of: move)!
        let date = nextWeekday(from: invoiceDate.adding(days: random.int(15...50)))
        let roll = random.int(0...99)
        if partner == eurCustomer {
            // The customer pays the invoice's euros into the EUR account.
            schedule(PlannedPayment(kind: .customer, date: date, partnerID: partner, openItems: [item], amount: amount,
                                    foreign: builder.lines[item].amountCurrency, shape: "fx"))
        } else if roll < 8, let index = payments.indices.suffix(60).last(where: { index in
            let candidate = payments[index]
            return candidate.kind == .customer && candidate.partnerID == partner && (candidate.shape == "1:1" || candidate.shape == "1:N")
                && candidate.amount > 0 && candidate.openItems.count < 3 && candidate.referenceStyle == nil
                && candidate.date > invoiceDate.adding(days: 3) && abs(candidate.date.days(until: date)) < 20 }) {
            payments[index].openItems.append(item)
            payments[index].amount += amount
            payments[index].shape = "1:N"
        } else if roll < 12 {
            let fee = Int64(random.pick([1_500, 2_000, 2_500]))
            schedule(PlannedPayment(kind: .customer, date: date, partnerID: partner, openItems: [item], amount: amount - fee, fee: fee, shape: "fee"))
        } else if roll < 15 {
            let off = Int64(random.pick([-1, 1, -2]))
            schedule(PlannedPayment(kind: .customer, date: date, partnerID: partner, openItems: [item], amount: amount + off, rounding: off,
                                    shape: "rounding"))
        } else if roll < 18 {
            let first = amount / 2
            schedule(PlannedPayment(kind: .customer, date: date, partnerID: partner, openItems: [item], amount: first, shape: "N:1"))
            schedule(PlannedPayment(kind: .customer, date: nextWeekday(from: date.adding(days: 14)), partnerID: partner, openItems: [item],
                                    amount: amount - first, shape: "N:1"))
        } else if roll < 20 {
            return  // overdue: never paid
        } else {
            schedule(PlannedPayment(kind: .customer, date: date, partnerID: partner, openItems: [item], amount: amount, shape: "1:1"))
        }
    }

    /// Payments after the end of the close period have not happened yet.
    mutating func schedule(_ payment: PlannedPayment) {
        guard payment.date <= period.end else { return }
        payments.append(payment)
    }
}
