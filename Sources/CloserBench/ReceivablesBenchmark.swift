import DemoCompany
import Foundation
import Ledger
import Receivables

/// The receivables bar: ranking 1,000,000 open invoices of 50,000 customers, each customer with a paid
/// history of 4–20 invoices, with the model learned first (timed apart). Median of `runs`.
///   swift build -c release --product closer-bench && .build/release/closer-bench receivables
enum ReceivablesBenchmark {
    static func run(open: Int = 1_000_000, customers: Int = 50_000, runs: Int = 3) {
        var random = DemoRandom(seed: 23)
        let euro = CurrencyCode("EUR")!
        let start = LocalDate(iso: "2025-01-01")!
        var history: [CustomerInvoice] = []
        for customer in 0..<customers {
            let habit = Int(random.next() % 40) - 5
            for index in 0..<(4 + Int(random.next() % 17)) {
                let due = start.adding(days: index * 20)
                let amount = Int64(10_000 + random.next() % 500_000)
                history.append(CustomerInvoice(id: history.count, name: "H\(history.count)", customerID: customer, customerName: "C\(customer)",
                                               invoiceDate: due.adding(days: -30), dueDate: due, total: Money(minorUnits: amount, currency: euro),
                                               open: Money(minorUnits: 0, currency: euro), paidOn: due.adding(days: habit + Int(random.next() % 11) - 5)))
            }
        }
        let openInvoices = (0..<open).map { id -> CustomerInvoice in
            let due = LocalDate(iso: "2026-09-01")!.adding(days: Int(random.next() % 90))
            let amount = Money(minorUnits: Int64(10_000 + random.next() % 500_000), currency: euro)
            return CustomerInvoice(id: id, name: "O\(id)", customerID: Int(random.next() % UInt64(customers)), customerName: "",
                                   invoiceDate: due.adding(days: -30), dueDate: due, total: amount, open: amount)
        }
        let learning = ContinuousClock.now
        let model = PaymentDelayModel(history: history)
        let learned = (ContinuousClock.now - learning)
        var times: [Duration] = []
        var top = 0
        for _ in 0..<runs {
            let began = ContinuousClock.now
            top = CollectionsWorklist.rank(openInvoices, model: model, asOf: LocalDate(iso: "2026-10-31")!).first?.invoice.id ?? -1
            times.append(ContinuousClock.now - began)
        }
        let median = times.sorted()[times.count / 2]
        print(String(format: "ranking %@ open invoices of %@ customers: %.3f s (median of %d; model learned from %@ paid invoices in %.3f s; top invoice %d)",
                     open.formatted(), customers.formatted(), Double(median.components.seconds) + Double(median.components.attoseconds) / 1e18, runs,
                     history.count.formatted(), Double(learned.components.seconds) + Double(learned.components.attoseconds) / 1e18, top))
    }
}
