import Ledger
import Receivables
import Testing

/// What collections does with awkward books: no history at all, a customer never seen, an invoice in a
/// foreign currency, a credit note larger than the invoice it settles.
@Suite struct ReceivablesBadInputTests {
    static let usd = Currency(id: 1, code: CurrencyCode("USD")!)
    static let eur = Currency(id: 2, code: CurrencyCode("EUR")!)
    static let receivable = Account(id: 10, code: "121000", name: "Account Receivable", type: .receivable, reconcile: true)
    static let income = Account(id: 20, code: "400000", name: "Sales", type: .income)
    static let day = LocalDate(iso: "2026-09-01")!
    static let audit = RecordAudit(createdBy: nil, createdAt: Timestamp(date: day), writtenBy: nil, writtenAt: Timestamp(date: day))

    /// A posted customer move with its receivable line (debit for an invoice, credit for a credit note) and the income line.
    static func move(_ id: Int, _ type: MoveType, date: LocalDate, usd amount: Int64, currency: Currency = usd, inCurrency: Int64? = nil,
                     residual: Int64, matching: String? = nil) -> (Move, [JournalLine]) {
        let sign: Int64 = type == .customerInvoice ? 1 : -1
        let move = Move(id: id, name: "MOVE/\(id)", state: .posted, type: type, date: date, invoiceDate: date, dueDate: date.adding(days: 30),
                        journalID: 1, partnerID: 7, currencyID: currency.id, amountTotal: usd.money(amount),
                        amountTotalInCurrency: currency.money(inCurrency ?? amount), amountResidual: usd.money(abs(residual)), audit: audit)
        let debit = usd.money(sign > 0 ? amount : 0), credit = usd.money(sign > 0 ? 0 : amount)
        return (move, [
            JournalLine(id: id * 10, moveID: id, date: date, accountID: receivable.id, partnerID: 7, label: "", debit: debit, credit: credit,
                        amountCurrency: currency.money(sign * (inCurrency ?? amount)), currencyID: currency.id, reconciled: residual == 0,
                        amountResidual: usd.money(residual), matchingNumber: matching),
            JournalLine(id: id * 10 + 1, moveID: id, date: date, accountID: income.id, partnerID: 7, label: "", debit: credit, credit: debit,
                        amountCurrency: currency.money(-sign * (inCurrency ?? amount)), currencyID: currency.id),
        ])
    }

    static func book(_ moves: [(Move, [JournalLine])]) -> ReceivablesBook {
        ReceivablesBook(LedgerSnapshot(company: Company(id: 1, name: "Unseen Co", currency: usd), currencies: [usd, eur],
                                       accounts: [receivable, income], partners: [Partner(id: 7, name: "Customer Seven")],
                                       moves: moves.map(\.0), lines: moves.flatMap(\.1)))
    }

    @Test func anEmptyHistoryGivesTheStatedEvenPriorAndAnEmptyWorklist() {
        let model = PaymentDelayModel(history: [])
        let invoice = CustomerInvoice(id: 1, name: "INV/1", customerID: 7, customerName: "Customer Seven", invoiceDate: Self.day,
                                      dueDate: Self.day.adding(days: 30), total: Self.usd.money(10_000), open: Self.usd.money(10_000))
        let prediction = model.predict(invoice, asOf: Self.day)
        #expect(prediction.fromPrior && prediction.probabilityBasisPoints == 5_000)
        #expect(prediction.reason.contains("no paid invoice yet: the company's prior (50 %"), "\(prediction.reason)")
        #expect(CollectionsWorklist.rank([], model: model, asOf: Self.day).isEmpty)
        let evaluation = TimeSplitEvaluation(invoices: [], split: Self.day, dataEnd: Self.day.adding(days: 90), rules: DelayModelRules())
        #expect(evaluation.scored == 0 && evaluation.learnedFrom == 0 && evaluation.worklist.isEmpty && evaluation.calibration.bands.isEmpty)
        #expect(evaluation.precision(atTop: 10) { _ in true } == 1)
    }

    @Test func aForeignCurrencyInvoiceIsReadInTheCompanysCurrency() {
        // 1,000.00 EUR booked at 1.08: 1,080.00 USD, of which 540.00 USD still open.
        let book = Self.book([Self.move(1, .customerInvoice, date: Self.day, usd: 108_000, currency: Self.eur, inCurrency: 100_000, residual: 54_000)])
        let invoice = try! #require(book.invoices.first)
        #expect(invoice.total == Self.usd.money(108_000) && invoice.open == Self.usd.money(54_000) && invoice.paidOn == nil)
        let prediction = PaymentDelayModel(history: []).predict(invoice, asOf: Self.day)
        #expect(prediction.cashAtRisk == Self.usd.money(27_000))
    }

    @Test func aCreditNoteLargerThanTheInvoiceSettlesItAndLeavesOpenCreditNeverNegativeRisk() {
        let settledOn = Self.day.adding(days: 12)
        let book = Self.book([
            Self.move(1, .customerInvoice, date: Self.day, usd: 10_000, residual: 0, matching: "A1"),
            Self.move(2, .customerRefund, date: settledOn, usd: 15_000, residual: -5_000, matching: "A1"),
        ])
        #expect(book.invoices.count == 1 && book.invoices[0].open.minorUnits == 0 && book.invoices[0].paidOn == settledOn)
        #expect(book.openCredit[7] == Self.usd.money(5_000))
        let model = PaymentDelayModel(history: book.invoices)
        #expect(CollectionsWorklist.rank(book.invoices, model: model, asOf: settledOn).isEmpty)
        // An invoice read with more credit than it owes (a negative open amount) is never cash at risk.
        var overCredited = book.invoices[0]
        overCredited.open = Self.usd.money(-5_000)
        #expect(model.predict(overCredited, asOf: settledOn).cashAtRiskMinorUnits == 0)
    }
}
