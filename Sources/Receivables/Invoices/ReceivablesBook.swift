public import Ledger

/// The customer side of a pulled ledger: every posted customer invoice with what is still open and,
/// once settled, the day the last payment (or credit note) closed it; and each customer's open credit.
/// Read from the receivable lines in the company's currency, so foreign-currency invoices compare.
public struct ReceivablesBook: Sendable {
    public var invoices: [CustomerInvoice]
    /// Open credit (credit notes and payments not yet set against an invoice) per customer, as a positive amount.
    public var openCredit: [Int: Money]
    /// Posted credit notes to customers: the measures take them off the credit sales of their month.
    public var creditNotes: [CustomerCreditNote]

    public init(invoices: [CustomerInvoice], openCredit: [Int: Money] = [:], creditNotes: [CustomerCreditNote] = []) {
        self.invoices = invoices
        self.openCredit = openCredit
        self.creditNotes = creditNotes
    }

    public init(_ snapshot: LedgerSnapshot) {
        let currency = snapshot.company.currency
        let receivable = Set(snapshot.accounts.filter { $0.type == .receivable }.map(\.id))
        let names = Dictionary(snapshot.partners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var linesByMove: [Int: [JournalLine]] = [:]
        var matched: [String: LocalDate] = [:]   // matching number → the last day a line of it was booked
        var creditByCustomer: [Int: Int64] = [:]
        for line in snapshot.lines where receivable.contains(line.accountID) {
            linesByMove[line.moveID, default: []].append(line)
            if let number = line.matchingNumber { matched[number] = max(matched[number] ?? line.date, line.date) }
            if line.balance.minorUnits < 0, let partner = line.partnerID { creditByCustomer[partner, default: 0] -= line.amountResidual.minorUnits }
        }
        invoices = snapshot.moves.compactMap { move -> CustomerInvoice? in
            guard move.type == .customerInvoice, move.state == .posted, let customer = move.partnerID,
                  let lines = linesByMove[move.id], !lines.isEmpty else { return nil }
            let total = lines.reduce(Int64(0)) { $0 + $1.balance.minorUnits }
            let open = lines.reduce(Int64(0)) { $0 + $1.amountResidual.minorUnits }
            guard total > 0 else { return nil }
            let date = move.invoiceDate ?? move.date
            // Settled: the last line booked against it (payment, credit note) says when.
            let paidOn = open == 0 ? lines.compactMap { $0.matchingNumber.flatMap { matched[$0] } }.max() : nil
            return CustomerInvoice(id: move.id, name: move.name, customerID: customer, customerName: names[customer] ?? "partner \(customer)",
                                   invoiceDate: date, dueDate: move.dueDate ?? date, total: currency.money(total),
                                   open: currency.money(open), paidOn: paidOn)
        }
        openCredit = creditByCustomer.filter { $0.value > 0 }.mapValues { currency.money($0) }
        creditNotes = snapshot.moves.compactMap { move -> CustomerCreditNote? in
            guard move.type == .customerRefund, move.state == .posted, let customer = move.partnerID, let lines = linesByMove[move.id] else { return nil }
            let credited = -lines.reduce(Int64(0)) { $0 + $1.balance.minorUnits }
            guard credited > 0 else { return nil }
            return CustomerCreditNote(id: move.id, customerID: customer, date: move.invoiceDate ?? move.date, total: currency.money(credited))
        }
    }

    /// Invoices still open on `day` as far as this ledger knows.
    public var open: [CustomerInvoice] { invoices.filter { $0.open.minorUnits > 0 } }
}
