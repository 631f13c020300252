import Foundation
import Ledger
import Receivables
import Testing

/// The model's per-invoice lookups and the worklist's sort were rebuilt for speed (profiles without references,
/// each customer's late weights summed once per distinct days late, a sort on small keys): this checks the
/// probabilities and the order against the straightforward computation they replaced, on a history with long
/// (more than 64 payments) and empty ones, thresholds past a year, and ties of cash at risk and due date.
@Suite struct WorklistRankingSamenessTests {
    static let euro = CurrencyCode("EUR")!

    /// A small deterministic generator (the tests must not depend on the demo's).
    struct Sequence {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func probabilitiesAndOrderAreThoseOfTheStraightforwardComputation() {
        var random = Sequence(state: 7)
        let start = LocalDate(iso: "2024-01-01")!, asOf = LocalDate(iso: "2026-10-31")!
        var history: [CustomerInvoice] = []
        for customer in 0..<120 {
            let habit = random.next(60) - 10
            for _ in 0..<(customer % 10 == 0 ? 70 : random.next(12)) {
                let due = start.adding(days: random.next(900))
                history.append(CustomerInvoice(id: history.count, name: "H", customerID: customer, customerName: "C", invoiceDate: due.adding(days: -30),
                                               dueDate: due, total: Money(minorUnits: Int64(1_000 + random.next(50_000)), currency: Self.euro),
                                               open: Money(minorUnits: 0, currency: Self.euro), paidOn: due.adding(days: habit + random.next(21) - 10)))
            }
        }
        let open = (0..<1_000).map { id -> CustomerInvoice in
            let amount = Money(minorUnits: Int64([0, 10_000, 20_000, 35_000][random.next(4)]), currency: Self.euro)
            return CustomerInvoice(id: 10_000 - id, name: "O", customerID: random.next(140), customerName: "C", invoiceDate: asOf,
                                   dueDate: asOf.adding(days: 30 - random.next(500)), total: amount, open: amount)
        }
        let model = PaymentDelayModel(history: history)
        for invoice in open {
            #expect(model.predict(invoice, asOf: asOf).probabilityBasisPoints == Self.referenceBasisPoints(invoice, history: history, asOf: asOf))
        }
        let predictions = open.filter { $0.open.minorUnits > 0 }.map { model.predict($0, asOf: asOf) }
        let order = predictions.indices.sorted { a, b in
            let (x, y) = (predictions[a], predictions[b])
            return (y.cashAtRiskMinorUnits, x.invoice.dueDate, x.invoice.id) < (x.cashAtRiskMinorUnits, y.invoice.dueDate, y.invoice.id)
        }
        #expect(CollectionsWorklist.rank(open, model: model, asOf: asOf) == order.map { predictions[$0] })
    }

    /// The model's defaults (grace 5, prior weight 4, half-life 6) computed the long way: every payment weighed in
    /// payment order, latest first, for each invoice.
    static func referenceBasisPoints(_ invoice: CustomerInvoice, history: [CustomerInvoice], asOf: LocalDate) -> Int {
        let paid = history.filter { $0.paidOn != nil }.sorted { ($0.paidOn!, $0.id) < ($1.paidOn!, $1.id) }
        let threshold = max(5, invoice.dueDate.days(until: asOf))
        var late = 0.0, total = 0.0
        for (back, payment) in paid.filter({ $0.customerID == invoice.customerID }).reversed().enumerated() {
            let weight = pow(0.5, Double(back) / 6)
            total += weight
            if payment.daysLate! > threshold { late += weight }
        }
        let prior = paid.isEmpty ? 0.5 : Double(paid.filter { $0.daysLate! > threshold }.count) / Double(paid.count)
        return Int(((late + 4 * prior) / (total + 4) * 10_000).rounded())
    }
}
