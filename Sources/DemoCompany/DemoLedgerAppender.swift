import Ledger

/// Appends posted entries to finished books as Odoo would have recorded them: the next move and
/// line ids, the next number of the journal's sequence (INV/2026/00042 yearly for sales and banks,
/// BILL/2026/10/0007 monthly otherwise, "P" before a payment's), in the company currency.
struct DemoLedgerAppender {
    private(set) var snapshot: LedgerSnapshot
    /// The last number used under each sequence prefix ("INV/2026/").
    private var lastNumbers: [String: Int] = [:]
    private var nextLineID: Int
    /// Accounts whose lines stay open until reconciled (receivables, payables, outstanding payments).
    private let openItemAccounts: Set<Int>

    init(snapshot: LedgerSnapshot) {
        self.snapshot = snapshot
        openItemAccounts = Set(snapshot.accounts.filter(\.reconcile).map(\.id))
        nextLineID = (snapshot.lines.map(\.id).max() ?? 0) + 1
        for move in snapshot.moves {
            guard let slash = move.name.lastIndex(of: "/"), let number = Int(move.name[move.name.index(after: slash)...]) else { continue }
            let prefix = String(move.name[...slash])
            lastNumbers[prefix] = max(lastNumbers[prefix] ?? 0, number)
        }
    }

    /// Posts the entry (lines: signed minor units, debit positive) and returns it as evidence names it.
    /// `settled`: its receivable or payable is already paid (reconciled, nothing left open).
    @discardableResult
    mutating func post(journalID: Int, type: MoveType, date: LocalDate, partnerID: Int, ref: String?, lines: [LineDraft],
                       isPayment: Bool = false, settled: Bool = false, by user: UserRef) -> RecordRef {
        precondition(lines.reduce(0) { $0 + $1.amount } == 0, "unbalanced intercompany entry")
        let currency = snapshot.company.currency
        let id = (snapshot.moves.last?.id ?? 0) + 1
        let journal = snapshot.journals.first { $0.id == journalID }!
        let yearly = journal.type == .sale || journal.type == .bank || journal.type == .cash
        let prefix = (isPayment ? "P" : "") + journal.code + "/" + String(date.year) + "/" + (yearly ? "" : pad(date.month, 2) + "/")
        let number = (lastNumbers[prefix] ?? 0) + 1
        lastNumbers[prefix] = number
        let name = prefix + pad(number, yearly ? 5 : 4)
        var residual: Int64 = 0
        for line in lines {
            let isOpenItem = openItemAccounts.contains(line.accountID)
            let open = isOpenItem && !settled && !isPayment ? line.amount : 0
            if line.kind == .paymentTerm { residual += abs(open) }
            snapshot.lines.append(JournalLine(
                id: nextLineID, moveID: id, date: date, accountID: line.accountID, partnerID: line.partnerID ?? partnerID,
                label: line.kind == .paymentTerm && line.label.isEmpty ? name : line.label,
                debit: currency.money(max(line.amount, 0)), credit: currency.money(max(-line.amount, 0)), currencyID: currency.id,
                analytic: line.analytic, taxIDs: line.taxIDs, reconciled: isOpenItem && open == 0, amountResidual: currency.money(open),
                kind: line.kind))
            nextLineID += 1
        }
        let created = Timestamp(date: date, hour: 10)
        snapshot.moves.append(Move(
            id: id, name: name, state: .posted, type: type, date: date, invoiceDate: type.isInvoice ? date : nil,
            dueDate: type.isInvoice ? date.adding(days: 30) : nil, journalID: journalID, partnerID: partnerID, ref: ref, currencyID: currency.id,
            amountTotal: currency.money(lines.reduce(0) { $0 + max($1.amount, 0) }), amountResidual: currency.money(residual),
            paymentState: type.isInvoice ? (residual == 0 ? .paid : .notPaid) : nil,
            audit: RecordAudit(createdBy: user, createdAt: created, writtenBy: user, writtenAt: created)))
        return RecordRef(model: "account.move", id: id, name: name)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
