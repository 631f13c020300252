import Foundation
import Ledger
import Receivables
import Testing

/// The payment-delay model on small histories: habitual late payers lead, reliable ones sink, a customer
/// with no history gets the company's prior (said so), a slipping customer's recent payments count most,
/// an overdue invoice asks "later than it already is", and the worklist ranks by cash at risk.
@Suite struct PaymentDelayModelTests {
    static let asOf = LocalDate(iso: "2026-10-31")!
    static func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: CurrencyCode("EUR")!) }

    /// `lates` paid invoices of 1,000.00 each, due a month apart, each paid that many days after its due date.
    static func history(_ customer: Int, _ lates: [Int]) -> [CustomerInvoice] {
        lates.enumerated().map { index, late in
            let due = LocalDate(iso: "2025-10-15")!.adding(days: 30 * index)
            return CustomerInvoice(id: customer * 1_000 + index, name: "INV/\(customer)/\(index)", customerID: customer, customerName: "Customer \(customer)",
                                   invoiceDate: due.adding(days: -30), dueDate: due, total: money(100_000), open: money(0), paidOn: due.adding(days: late))
        }
    }

    static func open(_ customer: Int, id: Int, due: String, amount: Int64 = 100_000) -> CustomerInvoice {
        CustomerInvoice(id: id, name: "INV/open/\(id)", customerID: customer, customerName: "Customer \(customer)",
                        invoiceDate: LocalDate(iso: due)!.adding(days: -30), dueDate: LocalDate(iso: due)!, total: money(amount), open: money(amount))
    }

    static let model = PaymentDelayModel(history: history(1, Array(repeating: 0, count: 10)) + history(2, [25, 31, 40, 22, 35, 28, 33, 20])
                                         + history(3, [0, 2, 0, 1, 14, 25, 30, 34]))

    @Test func lateHabitsLeadReliablePayersSinkAndTheReasonSaysWhy() {
        let reliable = Self.model.predict(Self.open(1, id: 1, due: "2026-11-15"), asOf: Self.asOf)
        let late = Self.model.predict(Self.open(2, id: 2, due: "2026-11-15"), asOf: Self.asOf)
        #expect(reliable.probability < 0.3 && late.probability > 0.7, "\(reliable.probability) \(late.probability)")
        #expect(late.reason.contains("paid the last 6 invoices 20 to 40 days late"), "\(late.reason)")
        #expect(reliable.reason.contains("on time"), "\(reliable.reason)")
        #expect(late.predictedPayDate > reliable.predictedPayDate)
        #expect(late.cashAtRiskMinorUnits == 100_000 * Int64(late.probabilityBasisPoints) / 10_000)
    }

    @Test func aNewCustomerGetsTheCompanysPriorStatedAsSuch() {
        let stranger = Self.model.predict(Self.open(99, id: 3, due: "2026-11-15"), asOf: Self.asOf)
        #expect(stranger.fromPrior && stranger.reason.contains("no paid invoice yet: the company's prior"), "\(stranger.reason)")
        let companyShare = 12.0 / 26.0   // of the 26 paid invoices, 12 came more than 5 days late
        #expect(abs(stranger.probability - companyShare) < 0.0001)
    }

    @Test func aSlippingCustomersRecentPaymentsCountMost() {
        // Customer 3: on time for four invoices, then four ever later. Counted alike, with the company's prior
        // (12 of 26) for 4 invoices: (4 + 4 × 12/26) / (8 + 4) = 0.487. Recent ones weighing more, it is higher.
        let slipping = Self.model.predict(Self.open(3, id: 4, due: "2026-11-15"), asOf: Self.asOf)
        #expect(slipping.probability > 0.53, "\(slipping.probability)")
    }

    @Test func anOverdueInvoiceIsJudgedAgainstTheInvoicesThatLastedAsLong() {
        // 30 days overdue: of customer 2's payments only those at least 30 days late are like it (31, 33, 35, 40), and one
        // of them came more than 35 days late: (1 + 4 × prior) / (4 + 4), weights aside, below the not-yet-due invoice's.
        let overdue = Self.model.predict(Self.open(2, id: 5, due: "2026-10-01"), asOf: Self.asOf)
        let notYetDue = Self.model.predict(Self.open(2, id: 6, due: "2026-11-15"), asOf: Self.asOf)
        #expect(overdue.probability < notYetDue.probability && overdue.reason.contains("already 30 days overdue"))
        #expect(overdue.explanation.thresholdDays == 35 && overdue.predictedPayDate > Self.asOf)
        // Expected around the median of the payments that lasted 30 days (33 to 35 days late), not their overall median (30).
        #expect(overdue.predictedPayDate >= LocalDate(iso: "2026-11-01")!, "\(overdue.predictedPayDate)")
    }

    @Test func invoicesStillOpenPastTheQuestionCountAsLate() {
        // Customer 4 paid four invoices 0–2 days late; a fifth is still open 90 days after due. For a new invoice 40 days
        // overdue, paid history alone knows nothing that late (the company's prior decides); the open one is evidence.
        let history = Self.history(4, [0, 2, 1, 0]) + [Self.open(4, id: 4_100, due: "2026-08-02")]
        let blind = PaymentDelayModel(history: history)
        let knowing = PaymentDelayModel(history: history, knownOn: Self.asOf)
        let invoice = Self.open(4, id: 4_101, due: "2026-09-21")
        #expect(knowing.predict(invoice, asOf: Self.asOf).probability > blind.predict(invoice, asOf: Self.asOf).probability)
        // The company has seen one invoice still unpaid 40 days after due, and it stayed so: a prior of 100 %.
        #expect(knowing.predict(invoice, asOf: Self.asOf).explanation.priorShare == 1)
        // Payments after the day known are not known: learned as still open then.
        let paidLater = Self.history(5, [3, 60])
        let early = PaymentDelayModel(history: paidLater, knownOn: paidLater[1].dueDate.adding(days: 10))
        #expect(early.predict(Self.open(5, id: 5_100, due: "2026-11-15"), asOf: Self.asOf).reason.contains("paid their only invoice so far on time (3 days late)"))
    }

    @Test func largeInvoicesWeighOnlyWhereTheCompanysHistoryShowsIt() {
        // Thirty customers, each with five paid invoices: four of 1,000.00 on time, one of 4,000.00. Where the large ones
        // came 30 days late, a new large invoice of such a customer is likelier late than a usual one; where they came on
        // time like the rest, size changes nothing.
        func company(largeLate: Int) -> [CustomerInvoice] {
            (1...30).flatMap { customer in
                (0..<5).map { index in
                    let due = LocalDate(iso: "2026-01-15")!.adding(days: 30 * index)
                    let large = index == 4
                    return CustomerInvoice(id: customer * 100 + index, name: "INV/\(customer)/\(index)", customerID: customer, customerName: "C\(customer)",
                                           invoiceDate: due.adding(days: -30), dueDate: due, total: Self.money(large ? 400_000 : 100_000), open: Self.money(0),
                                           paidOn: due.adding(days: large ? largeLate : 0))
                }
            }
        }
        let sizeMatters = PaymentDelayModel(history: company(largeLate: 30))
        let usual = sizeMatters.predict(Self.open(7, id: 1, due: "2026-11-15"), asOf: Self.asOf)
        let large = sizeMatters.predict(Self.open(7, id: 2, due: "2026-11-15", amount: 400_000), asOf: Self.asOf)
        #expect(large.probability > usual.probability + 0.2, "\(usual.probability) \(large.probability)")
        #expect(large.reason.contains("4.0× their usual amount (invoices that large are paid late more often here"), "\(large.reason)")
        let sizeDoesNot = PaymentDelayModel(history: company(largeLate: 0))
        let alike = (sizeDoesNot.predict(Self.open(7, id: 1, due: "2026-11-15"), asOf: Self.asOf).probability,
                     sizeDoesNot.predict(Self.open(7, id: 2, due: "2026-11-15", amount: 400_000), asOf: Self.asOf).probability)
        #expect(abs(alike.0 - alike.1) < 0.02, "\(alike)")
    }

    @Test func anInvoiceDueAfterACreditNoteWeighsOnlyWhereTheCompanysHistoryShowsIt() {
        // Thirty customers paying on time, each with one invoice due a month after a credit note to them, paid 40 days late
        // (the return still argued over). A new invoice due after a fresh credit note is likelier late; without one, it is not.
        var history: [CustomerInvoice] = [], notes: [CustomerCreditNote] = []
        for customer in 1...30 {
            for index in 0..<5 {
                let due = LocalDate(iso: "2026-01-15")!.adding(days: 30 * index)
                history.append(CustomerInvoice(id: customer * 100 + index, name: "INV/\(customer)/\(index)", customerID: customer, customerName: "C\(customer)",
                                               invoiceDate: due.adding(days: -30), dueDate: due, total: Self.money(100_000), open: Self.money(0),
                                               paidOn: due.adding(days: index == 3 ? 40 : 0)))
            }
            notes.append(CustomerCreditNote(id: customer, customerID: customer, date: LocalDate(iso: "2026-01-15")!.adding(days: 30 * 3 - 30), total: Self.money(20_000)))
        }
        notes.append(CustomerCreditNote(id: 99, customerID: 7, date: LocalDate(iso: "2026-10-20")!, total: Self.money(10_000)))
        let model = PaymentDelayModel(history: history, creditNotes: notes, knownOn: Self.asOf)
        let afterNote = model.predict(Self.open(7, id: 1, due: "2026-11-15"), asOf: Self.asOf)
        let other = model.predict(Self.open(8, id: 2, due: "2026-11-15"), asOf: Self.asOf)
        #expect(afterNote.probability > other.probability + 0.2, "\(other.probability) \(afterNote.probability)")
        #expect(afterNote.reason.contains("a credit note to them came shortly before (invoices due after a credit note are paid late more often here"),
                "\(afterNote.reason)")
        #expect(!other.reason.contains("credit note"))
        // A credit note dated after the day the model learns is not known to it.
        let early = PaymentDelayModel(history: history, creditNotes: notes, knownOn: LocalDate(iso: "2026-10-01")!)
        #expect(early.predict(Self.open(7, id: 1, due: "2026-11-15"), asOf: Self.asOf).probability < afterNote.probability)
    }

    @Test func theWorklistRanksByCashAtRiskAndLeavesPaidInvoicesOut() {
        var paid = Self.open(2, id: 7, due: "2026-11-15")
        paid.open = Self.money(0)
        let list = CollectionsWorklist.rank([Self.open(1, id: 8, due: "2026-11-15", amount: 500_000), Self.open(2, id: 9, due: "2026-11-15"),
                                             Self.open(2, id: 10, due: "2026-11-20", amount: 5_000), paid], model: Self.model, asOf: Self.asOf)
        #expect(list.map(\.invoice.id) == [9, 8, 10] || list.map(\.invoice.id) == [8, 9, 10], "\(list.map { ($0.invoice.id, $0.cashAtRiskMinorUnits) })")
        #expect(list.map(\.cashAtRiskMinorUnits) == list.map(\.cashAtRiskMinorUnits).sorted(by: >))
        #expect(!list.contains { $0.invoice.id == 7 })
        let big = Self.model.predict(Self.open(2, id: 11, due: "2026-11-15", amount: 300_000), asOf: Self.asOf)
        #expect(big.reason.contains("3.0× their usual amount"), "\(big.reason)")
    }

    @Test func theCalibrationReportScoresAndBandsPredictions() {
        let report = CalibrationReport([(0.1, false), (0.1, false), (0.15, true), (0.9, true), (0.85, true), (0.95, false)])
        #expect(report.count == 6)
        #expect(abs(report.brierScore - (0.01 + 0.01 + 0.7225 + 0.01 + 0.0225 + 0.9025) / 6) < 1e-9)
        #expect(report.bands.map(\.count) == [3, 1, 2] && report.bands.map(\.lower) == [0.1, 0.8, 0.9])
        #expect(abs(report.bands[0].observedRate - 1.0 / 3.0) < 1e-9 && abs(report.bands[2].meanPredicted - 0.925) < 1e-9)
        #expect(CalibrationReport([]).bands.isEmpty)
    }
}
