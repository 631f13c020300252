import Foundation
import Ledger
import Receivables
import Testing

/// The model's per-invoice lookups and the worklist's sort were rebuilt for speed (profiles without references,
/// each customer's late weights summed once per distinct days late, a sort on small keys): this checks the
/// probabilities and the order against the straightforward computation they replaced, on a history with long
/// (more than 64 payments) and empty ones, thresholds past a year, large invoices, and ties of cash at risk and due date.
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
                                               dueDate: due, total: Money(minorUnits: Int64(1_000 + random.next(50_000)) * (random.next(6) == 0 ? 4 : 1), currency: Self.euro),
                                               open: Money(minorUnits: 0, currency: Self.euro), paidOn: due.adding(days: habit + random.next(21) - 10)))
            }
        }
        // Some invoices were still open on the day learned, a few for a long time.
        for customer in stride(from: 0, to: 140, by: 3) {
            let due = asOf.adding(days: -random.next(400))
            let amount = Money(minorUnits: 5_000, currency: Self.euro)
            history.append(CustomerInvoice(id: history.count, name: "S", customerID: customer, customerName: "C", invoiceDate: due.adding(days: -30),
                                           dueDate: due, total: amount, open: amount))
        }
        let open = (0..<1_000).map { id -> CustomerInvoice in
            let amount = Money(minorUnits: Int64([0, 10_000, 20_000, 35_000, 150_000][random.next(5)]), currency: Self.euro)
            return CustomerInvoice(id: 10_000 - id, name: "O", customerID: random.next(140), customerName: "C", invoiceDate: asOf,
                                   dueDate: asOf.adding(days: 30 - random.next(500)), total: amount, open: amount)
        }
        let model = PaymentDelayModel(history: history, knownOn: asOf)
        let large = LargeInvoices(paid: history.filter { $0.paidOn != nil })
        #expect(large.oddsRatio != nil, "the history has enough large invoices to weigh")
        for invoice in open {
            #expect(model.predict(invoice, asOf: asOf).probabilityBasisPoints == Self.referenceBasisPoints(invoice, history: history, asOf: asOf, large: large))
        }
        let predictions = open.filter { $0.open.minorUnits > 0 }.map { model.predict($0, asOf: asOf) }
        let order = predictions.indices.sorted { a, b in
            let (x, y) = (predictions[a], predictions[b])
            return (y.cashAtRiskMinorUnits, x.invoice.dueDate, x.invoice.id) < (x.cashAtRiskMinorUnits, y.invoice.dueDate, y.invoice.id)
        }
        #expect(CollectionsWorklist.rank(open, model: model, asOf: asOf) == order.map { predictions[$0] })
    }

    /// The model's defaults (grace 5, prior weight 4, half-life 6) computed the long way: every payment weighed in
    /// payment order, latest first, for each invoice; the company's prior counted afresh, going back to fewer days
    /// overdue while no invoice lasted as long.
    static func referenceBasisPoints(_ invoice: CustomerInvoice, history: [CustomerInvoice], asOf: LocalDate, large: LargeInvoices) -> Int {
        let paid = history.filter { $0.paidOn != nil }.sorted { ($0.paidOn!, $0.id) < ($1.paidOn!, $1.id) }
        let stillOpen = history.filter { $0.paidOn == nil && $0.dueDate < asOf }
        let overdue = max(0, invoice.dueDate.days(until: asOf)), threshold = overdue + 5
        var late = 0.0, atRisk = 0.0
        for (back, payment) in paid.filter({ $0.customerID == invoice.customerID }).reversed().enumerated() {
            let weight = pow(0.5, Double(back) / 6)
            if overdue == 0 || payment.daysLate! >= overdue { atRisk += weight }
            if payment.daysLate! > threshold { late += weight }
        }
        let knownLate = Double(stillOpen.filter { $0.customerID == invoice.customerID && $0.dueDate.days(until: asOf) > threshold }.count)
        late += knownLate
        atRisk += knownLate
        var prior = 0.5
        for days in stride(from: min(overdue, 400), through: 0, by: -1) {
            let openLate = stillOpen.filter { $0.dueDate.days(until: asOf) > days + 5 }.count
            let companyAtRisk = paid.filter { days == 0 || $0.daysLate! >= days }.count + openLate
            guard companyAtRisk > 0 else { continue }
            prior = Double(paid.filter { $0.daysLate! > days + 5 }.count + openLate) / Double(companyAtRisk)
            break
        }
        var probability = (late + 4 * prior) / (atRisk + 4)
        let usual = large.usual[invoice.customerID] ?? 0
        if overdue == 0, let ratio = large.oddsRatio, usual > 0, invoice.total.minorUnits >= 2 * usual {
            probability = probability * ratio / (1 - probability + probability * ratio)
        }
        return Int((probability * 10_000).rounded())
    }

    /// Each customer's median paid amount (three paid at least) and the company's large invoices' odds ratio of paying
    /// late, counted the long way (nil below twenty of either kind).
    struct LargeInvoices {
        var usual: [Int: Int64] = [:]
        var oddsRatio: Double?

        init(paid: [CustomerInvoice]) {
            for (customer, invoices) in Dictionary(grouping: paid, by: \.customerID) where invoices.count >= 3 {
                let totals = invoices.map(\.total.minorUnits).sorted()
                usual[customer] = totals[totals.count / 2]
            }
            var large = (late: 0, onTime: 0), other = (late: 0, onTime: 0)
            for payment in paid {
                guard let customerUsual = usual[payment.customerID] else { continue }
                let isLate = payment.daysLate! > 5
                if payment.total.minorUnits >= 2 * customerUsual {
                    if isLate { large.late += 1 } else { large.onTime += 1 }
                } else {
                    if isLate { other.late += 1 } else { other.onTime += 1 }
                }
            }
            if large.late + large.onTime >= 20, other.late + other.onTime >= 20 {
                oddsRatio = (Double(large.late + 1) / Double(large.onTime + 1)) / (Double(other.late + 1) / Double(other.onTime + 1))
            }
        }
    }
}
