import Foundation
import Ledger

extension DemoGenerator {
    /// Payables problems and their look-alikes, planted last so that nothing generated before them moves:
    /// a supplier invoice keyed again with its number reformatted, the same invoice number and amount
    /// billed under another supplier; and, not to be flagged, a supplier's number of last year reused
    /// this year for another amount (numbering that restarts each January) and the monthly rent.
    mutating func plantPayables() {
        let bills = builder.moves.indices.filter {
            let move = builder.moves[$0]
            return move.type == .vendorBill && move.state == .posted && period.contains(move.date) && move.date <= period.end.adding(days: -10)
                && suppliers.contains(move.partnerID ?? 0)
        }
        guard bills.count >= 4 else { return }
        let reformatted = bills[1]
        let original = builder.moves[reformatted]
        let retyped = (original.ref ?? "").lowercased().replacingOccurrences(of: "-", with: " ")
        let copy = copyBill(reformatted, vendor: original.partnerID!, ref: retyped, date: nextWeekday(from: original.date.adding(days: 2)))
        plant("duplicate-vendor-bill", [.move(reformatted), .move(copy)], "The same supplier invoice keyed again: \(original.ref ?? "") as '\(retyped)'")

        for source in [bills[bills.count / 4], bills[bills.count * 3 / 4]] where source != reformatted {
            let billed = builder.moves[source]
            let impostor = suppliers.last { $0 != billed.partnerID }!
            let forged = copyBill(source, vendor: impostor, ref: billed.ref, date: nextWeekday(from: billed.date.adding(days: 6)))
            plant("other-vendor-duplicate-bill", [.move(source), .move(forged)],
                  "\(billed.ref ?? "") for the same amount billed again under \(partners[impostor - 1].name)")
        }

        // Numbering that restarts each year: last year's number, this year, for another amount.
        if let lastYear = builder.moves.indices.first(where: {
            let move = builder.moves[$0]
            return move.type == .vendorBill && move.state == .posted && move.date.year < period.year && suppliers.contains(move.partnerID ?? 0)
        }) {
            let old = builder.moves[lastYear]
            let products = linesOf(lastYear).filter { builder.lines[$0].kind == .product }.map { builder.lines[$0] }
            let reused = makeBill(vendor: old.partnerID!, date: workday(12), account: products[0].accountID,
                                  amounts: [products[0].amount / 2 + 1_000], label: products[0].label, ref: old.ref, pay: false)
            lookAlikes.append(DraftProblem(kind: "restarted-numbering", records: [.move(lastYear), .move(reused)],
                                           detail: "\(old.ref ?? "") reused in \(period.year) for another amount: the vendor's numbering restarts each year"))
        }
        let rent = builder.moves.indices.filter { builder.moves[$0].partnerID == vendors.rent && builder.moves[$0].date >= period.advanced(by: -1).start }
        if rent.count >= 2 {
            lookAlikes.append(DraftProblem(kind: "recurring-same-amount", records: rent.suffix(2).map { .move($0) },
                                           detail: "The monthly rent, the same amount a month apart"))
        }
    }

    /// Another bill with `source`'s product lines (amounts, account, label), unpaid.
    private mutating func copyBill(_ source: Int, vendor: Int, ref: String?, date: LocalDate) -> Int {
        let products = linesOf(source).filter { builder.lines[$0].kind == .product }.map { builder.lines[$0] }
        return makeBill(vendor: vendor, date: date, account: products[0].accountID, amounts: products.map(\.amount), label: products[0].label,
                        ref: ref, pay: false)
    }
}
