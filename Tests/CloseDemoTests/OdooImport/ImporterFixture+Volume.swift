import Ledger

extension ImporterFixture {
    /// `invoices` customer invoices over the month, each paid in full by a reconciled payment entry.
    static func volume(invoices: Int) -> LedgerSnapshot {
        var base = snapshot
        var moves: [Move] = [], lines: [JournalLine] = []
        var lineID = 0
        func add(_ line: (Int) -> JournalLine) { lineID += 1; lines.append(line(lineID)) }
        for index in 0..<invoices {
            let day = 1 + index * 28 / max(invoices, 1)
            let net = Int64(10_000 + index * 137), tax = net / 10
            let invoiceID = 2 * index + 1, paymentID = 2 * index + 2
            let number = String(index + 1), padded = String(repeating: "0", count: max(0, 5 - number.count)) + number
            let name = "INV/2025/\(padded)"
            moves.append(move(invoiceID, name, .posted, .customerInvoice, day: day, journal: 1, partner: 1 + index % 3,
                              total: net + tax, paymentState: .paid))
            add { line($0, move: invoiceID, day: day, account: 6, partner: 1 + index % 3, "Goods", credit: net, taxes: [1], kind: .product) }
            add { line($0, move: invoiceID, day: day, account: 5, partner: 1 + index % 3, "10% Sales Tax", credit: tax, kind: .tax) }
            add { line($0, move: invoiceID, day: day, account: 3, partner: 1 + index % 3, name, debit: net + tax, matching: "A\(index)", kind: .paymentTerm) }
            let paymentName = "MISC/2025/03/" + String(repeating: "0", count: max(0, 4 - number.count)) + number
            moves.append(move(paymentID, paymentName, .posted, .entry, day: min(day + 2, 31), journal: 3, partner: 1 + index % 3, total: net + tax))
            add { line($0, move: paymentID, day: min(day + 2, 31), account: 1, partner: 1 + index % 3, "Payment", debit: net + tax) }
            add { line($0, move: paymentID, day: min(day + 2, 31), account: 3, partner: 1 + index % 3, name, credit: net + tax, matching: "A\(index)") }
        }
        base.moves = moves
        base.lines = lines
        base.statementLines = []
        return base
    }
}
