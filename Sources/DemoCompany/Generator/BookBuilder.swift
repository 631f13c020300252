import Ledger

/// Collects entries in generation order, then assembles them as Odoo would have stored them:
/// ids in creation order (create_date), names from each journal's sequence in that same order
/// (INV/2026/00001 yearly for sales, banks and cash; BILL/2026/10/0001 monthly otherwise; "R" for
/// refunds, "P" for payments; drafts "/"), lines sorted by (move, id).
struct BookBuilder {
    private(set) var moves: [DraftMove] = []
    var lines: [DraftLine] = []
    private(set) var statementLines: [DraftStatementLine] = []
    /// Payment references that name invoices, resolved once invoice names are known.
    private(set) var references: [DeferredReference] = []
    private var matchingCounter = 0
    /// Counterpart lines of open items that are only partly settled, so a later full
    /// reconciliation can give the whole group one "A" number, as Odoo does.
    private var partialGroups: [Int: [Int]] = [:]
    private var random: DemoRandom
    /// Each move's first line index, kept apart so that searching does not copy moves.
    private var lineStarts: [Int] = []

    init(seed: UInt64, expectedLines: Int) {
        random = DemoRandom(seed: seed ^ 0xB00C)
        moves.reserveCapacity(expectedLines / 3 + 64)
        lineStarts.reserveCapacity(expectedLines / 3 + 64)
        statementLines.reserveCapacity(expectedLines / 7 + 64)
        references.reserveCapacity(expectedLines / 7 + 64)
        lines.reserveCapacity(expectedLines + expectedLines / 16 + 1024)
    }

    /// Appends the entry and returns its handle (its index in generation order, not its id).
    @discardableResult
    mutating func add(_ draft: EntryDraft, isPayment: Bool = false, statementLabel: Int? = nil) -> Int {
        let start = lines.count
        let foreign = draft.currency.id != DemoChart.usd.id
        for line in draft.lines {
            let tracks = DemoChart.tracksResidual[line.accountID]
            lines.append(DraftLine(
                accountID: line.accountID, partnerID: line.partnerID, label: line.label, amount: line.amount,
                amountCurrency: foreign ? (line.amountCurrency ?? line.amount) : line.amount, analytic: line.analytic,
                taxIDs: line.taxIDs, kind: line.kind, residual: tracks ? line.amount : 0, labelReference: statementLabel.map(Int32.init) ?? -1))
        }
        let created = draft.createdAt ?? naturalCreation(of: draft.date)
        lineStarts.append(start)
        moves.append(DraftMove(
            journalID: draft.journalID, type: draft.type, state: draft.state, date: draft.date, invoiceDate: draft.invoiceDate,
            dueDate: draft.dueDate, partnerID: draft.partnerID, ref: draft.ref, currency: draft.currency, createdBy: draft.createdBy,
            createdAt: created, writtenBy: draft.createdBy, writtenAt: created, naming: draft.naming, isPayment: isPayment,
            lineStart: start, lineEnd: lines.count, paymentState: draft.type.isInvoice ? .notPaid : nil))
        return moves.count - 1
    }

    /// Entries are keyed in on the day they happen or up to two working days later, never in a
    /// later month (that would be a late posting) and never at the weekend.
    mutating func naturalCreation(of date: LocalDate) -> Timestamp {
        let roll = random.int(0...9)
        var day = date.adding(days: roll < 6 ? 0 : roll < 9 ? 1 : 2)
        if day.isWeekend || day.month != date.month || date.isWeekend { day = date }
        return Timestamp(date: day, hour: random.int(8...17), minute: random.int(0...59), second: random.int(0...59))
    }

    mutating func addStatementLine(_ line: DraftStatementLine) -> Int {
        statementLines.append(line)
        return statementLines.count - 1
    }

    mutating func addReference(_ reference: DeferredReference) -> Int {
        references.append(reference)
        return references.count - 1
    }

    func lineRange(of move: Int) -> Range<Int> { moves[move].lineStart..<moves[move].lineEnd }

    /// Re-dates a statement line and its entry (the date the bank gave it).
    mutating func redate(statementLine index: Int, to date: LocalDate) {
        statementLines[index].date = date
        moves[statementLines[index].move].date = date
    }

    /// The receivable/payable line of an invoice or bill (its payment-term line).
    func openItemIndex(of move: Int) -> Int? { lineRange(of: move).first { lines[$0].kind == .paymentTerm } }

    func moveOf(line index: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= index { low = mid } else { high = mid - 1 }
        }
        return low
    }

    mutating func editMove(_ move: Int, _ body: (inout DraftMove) -> Void) { body(&moves[move]) }

    /// Settles open items by the given amounts against counterpart lines (which are consumed
    /// entirely), giving the group one matching number ("A12" fully reconciled, "P12" partly) and
    /// updating the documents' payment states and write dates as Odoo would.
    mutating func reconcile(openItems: [(index: Int, amount: Int64)], counterparts: [Int], at time: Timestamp, by user: UserRef,
                            settledState: PaymentState = .paid) {
        matchingCounter += 1
        var fully = true
        for (index, amount) in openItems {
            let before = lines[index].residual
            let residual = before > 0 ? before - amount : before + amount
            lines[index].residual = residual
            lines[index].reconciled = residual == 0
            fully = fully && residual == 0
            let move = moveOf(line: index)
            if moves[move].type.isInvoice {
                moves[move].paymentState = residual == 0 ? settledState : .partial
            }
            touch(move, at: time, by: user)
        }
        for index in counterparts {
            lines[index].residual = 0
            lines[index].reconciled = true
        }
        var group = counterparts + openItems.map(\.index)
        for (index, _) in openItems {
            if fully {
                group += partialGroups.removeValue(forKey: index) ?? []
            } else {
                partialGroups[index, default: []] += counterparts
            }
        }
        let number = fully ? matchingCounter : -matchingCounter
        for index in group { lines[index].matching = number }
    }

    mutating func touch(_ move: Int, at time: Timestamp, by user: UserRef) {
        if moves[move].writtenAt < time {
            moves[move].writtenAt = time
            moves[move].writtenBy = user
        }
    }
}

struct DraftMove {
    var journalID: Int
    var type: MoveType
    var state: MoveState
    var date: LocalDate
    var invoiceDate: LocalDate?
    var dueDate: LocalDate?
    var partnerID: Int?
    var ref: String?
    var currency: Currency
    var createdBy: UserRef
    var createdAt: Timestamp
    var writtenBy: UserRef
    var writtenAt: Timestamp
    var naming: EntryDraft.Naming
    var isPayment: Bool
    var lineStart: Int
    var lineEnd: Int
    var paymentState: PaymentState?
}

struct DraftLine {
    var accountID: Int
    var partnerID: Int?
    var label: String
    var amount: Int64
    var amountCurrency: Int64
    var analytic: AnalyticDistribution?
    var taxIDs: [Int]
    var kind: LineKind
    var residual: Int64
    /// Index into the deferred references for a label that names invoices, or -1.
    var labelReference: Int32
    var reconciled = false
    /// 0: unmatched; n > 0: "A<n>"; n < 0: "P<-n>".
    var matching = 0
    /// A planted inconsistency: added to both the debit and the credit of the line.
    var bothSides: Int64 = 0
}

struct DraftStatementLine {
    var move: Int
    var journalID: Int
    var date: LocalDate
    var reference: Int
    var partnerID: Int?
    var partnerName: String?
    var accountNumber: String?
    var amount: Money
    var isReconciled: Bool
}

/// What the bank printed as the payment reference. Customers quote invoice numbers, whose names
/// are only known once the books are assembled.
struct DeferredReference {
    enum Style: UInt8 {
        /// "INV/2026/00042, INV/2026/00043"
        case names
        /// "Payment INV 2026 00042"
        case spaced
        /// "42+43"
        case numbersOnly
        /// "INV/2026/00024" for INV/2026/00042: two digits swapped, or one mistyped
        case typo
        /// No reference at all.
        case missing
        /// Fixed text.
        case text
    }
    var style: Style
    var invoices: [Int] = []
    var text: String? = nil
}
