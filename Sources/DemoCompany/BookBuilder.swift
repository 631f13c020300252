import Ledger

/// Turns drafts into Odoo-shaped records: ids in creation order, Odoo 18 sequence names
/// (INV/2026/00001 yearly for sales and banks, BILL/2026/10/0001 monthly otherwise).
struct BookBuilder {
    private(set) var moves: [Move] = []
    private(set) var lines: [JournalLine] = []
    private(set) var statementLines: [StatementLine] = []
    private var nextLineID = 1
    private var sequences: [String: Int] = [:]
    private var matchingCounter = 0
    private var random: DemoRandom
    /// Index of each move's first line, for reconciling and editing later.
    private(set) var firstLineIndex: [Int] = [0]

    init(seed: UInt64, expectedLines: Int) {
        random = DemoRandom(seed: seed ^ 0xB00C)
        moves.reserveCapacity(expectedLines / 4)
        lines.reserveCapacity(expectedLines + 1024)
    }

    var nextMoveID: Int { moves.count + 1 }

    /// Appends the entry and returns its move id; line ids follow in order.
    @discardableResult
    mutating func add(_ draft: EntryDraft) -> Int {
        let id = moves.count + 1
        let name = draft.name ?? (draft.state == .draft ? "/" : nextName(journalID: draft.journalID, type: draft.type, date: draft.date))
        let created = draft.createdAt ?? Timestamp(date: draft.date, hour: random.int(8...17), minute: random.int(0...59), second: random.int(0...59))
        let home = DemoChart.usd
        var total: Int64 = 0
        for line in draft.lines {
            let debit = max(line.amount, 0), credit = max(-line.amount, 0)
            total += debit
            let foreign = draft.currency.id != home.id
            lines.append(JournalLine(
                id: nextLineID, moveID: id, date: draft.date, accountID: line.accountID, partnerID: line.partnerID, label: line.label,
                debit: home.money(debit), credit: home.money(credit),
                amountCurrency: foreign ? draft.currency.money(line.amountCurrency ?? line.amount) : home.money(line.amount),
                currencyID: draft.currency.id, analytic: line.analytic, taxIDs: line.taxIDs,
                amountResidual: home.money(line.kind == .paymentTerm ? line.amount : 0), kind: line.kind))
            nextLineID += 1
        }
        firstLineIndex.append(lines.count)
        let totalInCurrency = draft.currency.id == home.id ? total
            : draft.lines.reduce(Int64(0)) { $0 + max($1.amountCurrency ?? 0, 0) }
        moves.append(Move(
            id: id, name: name, state: draft.state, type: draft.type, date: draft.date, invoiceDate: draft.invoiceDate,
            dueDate: draft.dueDate, journalID: draft.journalID, partnerID: draft.partnerID, ref: draft.ref, currencyID: draft.currency.id,
            amountTotal: home.money(total), amountTotalInCurrency: draft.currency.money(totalInCurrency),
            amountResidual: home.money(draft.lines.reduce(Int64(0)) { $0 + ($1.kind == .paymentTerm ? abs($1.amount) : 0) }),
            paymentState: draft.type.isInvoice ? .notPaid : nil,
            audit: RecordAudit(createdBy: draft.createdBy, createdAt: created, writtenBy: draft.createdBy, writtenAt: created)))
        return id
    }

    mutating func addStatementLine(_ line: StatementLine) { statementLines.append(line) }

    var nextStatementLineID: Int { statementLines.count + 1 }

    /// Indices into `lines` of a move's lines.
    func lineRange(of moveID: Int) -> Range<Int> { firstLineIndex[moveID - 1]..<firstLineIndex[moveID] }

    /// The receivable/payable line of an invoice or bill (its payment-term line).
    func openItemIndex(of moveID: Int) -> Int? {
        lineRange(of: moveID).first { lines[$0].kind == .paymentTerm }
    }

    /// Settles open items (invoice/bill payment-term lines) by the given amounts against the
    /// counterpart lines of a payment, giving the group one matching number and updating residuals
    /// and the invoices' payment states as Odoo would ("A12" when fully reconciled, "P12" partly).
    mutating func reconcile(openItems: [(index: Int, amount: Int64)], counterparts: [Int]) {
        matchingCounter += 1
        var fully = true
        for (index, amount) in openItems {
            let before = lines[index].amountResidual.minorUnits
            let residual = before > 0 ? before - amount : before + amount
            lines[index].amountResidual = DemoChart.usd.money(residual)
            lines[index].reconciled = residual == 0
            fully = fully && residual == 0
            let moveIndex = lines[index].moveID - 1
            moves[moveIndex].amountResidual = DemoChart.usd.money(abs(residual))
            moves[moveIndex].paymentState = residual == 0 ? .paid : .partial
        }
        let number = (fully ? "A" : "P") + String(matchingCounter)
        for index in openItems.map(\.index) + counterparts {
            lines[index].matchingNumber = number
        }
        for index in counterparts { lines[index].reconciled = fully }
    }

    mutating func edit(_ body: (inout [Move], inout [JournalLine], inout [StatementLine]) -> Void) {
        body(&moves, &lines, &statementLines)
    }

    private mutating func nextName(journalID: Int, type: MoveType, date: LocalDate) -> String {
        let journal = DemoChart.journals[journalID - 1]
        let code = type == .customerRefund || type == .vendorRefund ? "R" + journal.code : journal.code
        let (year, month, _) = date.components
        let yearly = journal.type == .sale || journal.type == .bank || journal.type == .cash
        let prefix = yearly ? "\(code)/\(year)/" : "\(code)/\(year)/\(month < 10 ? "0" : "")\(month)/"
        let number = (sequences[prefix] ?? 0) + 1
        sequences[prefix] = number
        let digits = String(number)
        let width = yearly ? 5 : 4
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Skips a number in a sequence (a planted gap): the next entry of that prefix jumps by one.
    mutating func skipNumber(journalID: Int, date: LocalDate) -> String {
        nextName(journalID: journalID, type: .entry, date: date)
    }
}
