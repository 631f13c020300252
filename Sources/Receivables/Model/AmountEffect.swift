import Ledger

/// How much likelier the company's customers pay an invoice late when it is at least twice their usual amount,
/// learned from their paid invoices as an odds ratio: `late:on time` of large invoices over that of the others,
/// each count plus one so a small sample leans to no effect. Below `minimumInvoices` of either kind it is 1 (no
/// effect claimed); a company whose large invoices are paid like the rest learns about 1 too.
struct AmountEffect: Sendable {
    static let minimumInvoices = 20
    static let largeMultiple: Int64 = 2
    /// Customers with fewer paid invoices have no usual amount worth comparing with.
    static let minimumHistory = 3

    let oddsRatio: Double

    init(paid: [CustomerInvoice], habits: [Int: CustomerHabit], graceDays: Int) {
        var large = (late: 0, onTime: 0), other = (late: 0, onTime: 0)
        for invoice in paid {
            guard let habit = habits[invoice.customerID], habit.count >= Self.minimumHistory, let days = invoice.daysLate else { continue }
            let late = days > graceDays
            if Self.isLarge(invoice.total.minorUnits, usual: habit.usualMinorUnits) {
                if late { large.late += 1 } else { large.onTime += 1 }
            } else {
                if late { other.late += 1 } else { other.onTime += 1 }
            }
        }
        guard large.late + large.onTime >= Self.minimumInvoices, other.late + other.onTime >= Self.minimumInvoices else {
            oddsRatio = 1
            return
        }
        oddsRatio = (Double(large.late + 1) / Double(large.onTime + 1)) / (Double(other.late + 1) / Double(other.onTime + 1))
    }

    static func isLarge(_ total: Int64, usual: Int64) -> Bool { usual > 0 && total >= largeMultiple * usual }

    /// `probability` with its odds multiplied by the ratio: for a large invoice not yet overdue.
    func adjusted(_ probability: Double) -> Double {
        oddsRatio == 1 ? probability : probability * oddsRatio / (1 - probability + probability * oddsRatio)
    }
}
