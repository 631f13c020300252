import Ledger
import Receivables
import Testing

/// The time split learns only from what was paid before the split day, judges each invoice open on it by
/// what came later, and leaves out (and counts) the ones whose outcome is not known yet.
@Suite struct TimeSplitEvaluationTests {
    static let split = LocalDate(iso: "2026-06-01")!
    static let dataEnd = LocalDate(iso: "2026-09-30")!
    static func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: CurrencyCode("USD")!) }

    static func invoice(_ id: Int, customer: Int, due: String, late: Int?) -> CustomerInvoice {
        invoice(id, customer: customer, due: LocalDate(iso: due)!, late: late)
    }

    static func invoice(_ id: Int, customer: Int, due dueDate: LocalDate, late: Int?) -> CustomerInvoice {
        CustomerInvoice(id: id, name: "INV/\(id)", customerID: customer, customerName: "Customer \(customer)", invoiceDate: dueDate.adding(days: -30),
                        dueDate: dueDate, total: money(100_000), open: money(late == nil ? 100_000 : 0), paidOn: late.map { dueDate.adding(days: $0) })
    }

    /// Monthly invoices due on the 10th from 2025-10 to 2026-08, each paid `late(month)` days after due (nil: never).
    static func customer(_ id: Int, late: (Int) -> Int?) -> [CustomerInvoice] {
        (0..<11).map { month in
            let due = LocalDate(iso: "2025-10-10")!.adding(months: month)
            return invoice(id * 100 + month, customer: id, due: due, late: late(month))
        }
    }

    // Customer 1 always on time; 2 always 30 days late; 3 on time until the split, then 40 days late (the model cannot know).
    static let invoices = customer(1) { _ in 0 } + customer(2) { _ in 30 } + customer(3) { $0 < 8 ? 0 : 40 }
    static let evaluation = TimeSplitEvaluation(invoices: invoices, split: split, dataEnd: dataEnd, rules: DelayModelRules())

    @Test func theModelLearnsOnlyFromWhatWasPaidBeforeTheSplit() {
        let paidBefore = Self.invoices.filter { $0.paidOn! < Self.split }.count
        #expect(Self.evaluation.learnedFrom == paidBefore)
        // Customer 3 paid on time before the split: the model, blind to what came after, expects it on time.
        let third = Self.evaluation.worklist.filter { $0.invoice.customerID == 3 }
        #expect(!third.isEmpty && third.allSatisfy { $0.probability < 0.3 }, "\(third.map(\.probability))")
        #expect(Self.evaluation.worklist.first?.invoice.customerID == 2)
    }

    @Test func outcomesComeFromLaterDataAndTheBrierScoreReflectsThem() {
        // Open on 2026-06-01: invoices issued by then and not paid before; each customer's June, July… invoices issued after are not open.
        let open = Self.invoices.filter { $0.invoiceDate <= Self.split && $0.paidOn! >= Self.split }
        #expect(Self.evaluation.scored + Self.evaluation.excluded == open.count && Self.evaluation.excluded == 0)
        // Customer 3's invoices open on the split day came 40 days late against a low probability: the score is far from 0.
        #expect(Self.evaluation.brierScore > 0.1 && Self.evaluation.brierScore < 0.5, "\(Self.evaluation.brierScore)")
        #expect(Self.evaluation.calibration.count == Self.evaluation.scored)
        #expect(Self.evaluation.precision(atTop: 1) { $0 == 2 } == 1)
        #expect(Self.evaluation.count(inTop: 20) { $0 == 1 } == Self.evaluation.worklist.filter { $0.invoice.customerID == 1 }.count)
    }

    @Test func anInvoiceStillOpenBeforeItsThresholdPassesIsLeftOutAndCounted() {
        // Issued before the split, due 2026-09-28 (two days before the data ends), unpaid: not known yet. Due 2026-05-01, never paid: late.
        var early = Self.invoice(1, customer: 4, due: "2026-09-28", late: nil)
        early.invoiceDate = LocalDate(iso: "2026-05-20")!
        let neverPaid = Self.invoice(2, customer: 4, due: "2026-05-01", late: nil)
        let evaluation = TimeSplitEvaluation(invoices: Self.invoices + [early, neverPaid], split: Self.split, dataEnd: Self.dataEnd, rules: DelayModelRules())
        #expect(evaluation.excluded == 1 && evaluation.scored == Self.evaluation.scored + 1)
    }
}
