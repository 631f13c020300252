import Foundation
public import Ledger

/// Serves a demo company as if it were an Odoo database: pulls honour the window and the
/// changed-since cursor, and an administrator's edit of a posted entry can be simulated.
public actor DemoLedgerSource: LedgerSource {
    private var book: DemoBook
    /// Simulated server time: edits happen after everything generated (the close day, 09:00, then a minute apart).
    private var clock: Timestamp

    public init(book: DemoBook) {
        self.book = book
        clock = Timestamp(date: book.groundTruth.asOf, hour: 9)
    }

    public nonisolated var sourceDescription: String { "the embedded demo company" }

    /// The books as they are now, edits included.
    public var currentBook: DemoBook { book }

    /// Moves, lines and statement lines dated in the window; with `changedSince`, only moves
    /// written at or after it (and their lines and statement lines). Order lines always all of
    /// them: they are the open state at the pull, as Odoo's reader returns it. `moveIDsInWindow` always
    /// lists every move in the window; the cursor is the newest write date in the window.
    public func pull(_ request: PullRequest, progress: PullProgress?) async throws -> PullResult {
        let snapshot = book.snapshot
        let inWindow = snapshot.moves.filter { request.window.contains($0.date) }
        let changed = request.changedSince.map { since in inWindow.filter { $0.audit.writtenAt >= since } } ?? inWindow
        progress?("account.move", changed.count)
        var selected = [Bool](repeating: false, count: snapshot.moves.count + 1)
        for move in changed { selected[move.id] = true }
        let lines = snapshot.lines.filter { selected[$0.moveID] }
        progress?("account.move.line", lines.count)
        let statementLines = snapshot.statementLines.filter { request.window.contains($0.date) && selected[$0.moveID] }
        progress?("account.bank.statement.line", statementLines.count)
        let result = LedgerSnapshot(company: snapshot.company, currencies: snapshot.currencies, accounts: snapshot.accounts,
                                    journals: snapshot.journals, partners: snapshot.partners, taxes: snapshot.taxes,
                                    moves: changed, lines: lines, statementLines: statementLines, orderLines: snapshot.orderLines)
        let cursor = inWindow.map(\.audit.writtenAt).max()
        let counts = request.changedSince == nil
            ? LedgerCounts(accounts: snapshot.accounts.count, journals: snapshot.journals.count, partners: snapshot.partners.count,
                           moves: inWindow.count, lines: lines.count, statementLines: statementLines.count)
            : nil
        return PullResult(snapshot: result, moveIDsInWindow: inWindow.map(\.id), cursor: cursor, sourceCounts: counts)
    }

    /// Does what Odoo lets an administrator do to a posted entry: raises the amount of its first
    /// product line by `minorUnits` (on whichever side it is) and re-balances through the
    /// counterpart (the payment-term line of an invoice or bill, else the first line on the other
    /// side), then stamps a new write date one minute after the last edit. Returns the edited move.
    @discardableResult
    public func simulateEdit(moveID: Int, minorUnits: Int64 = 10_000) throws -> Move {
        guard book.snapshot.moves.indices.contains(moveID - 1), book.snapshot.moves[moveID - 1].id == moveID else {
            throw DemoEditError.noSuchMove(moveID)
        }
        let move = book.snapshot.moves[moveID - 1]
        guard move.state == .posted else { throw DemoEditError.notPosted(move.name) }
        let lines = book.snapshot.lines
        let range = Self.lineRange(of: moveID, in: lines)
        guard let edited = range.first(where: { lines[$0].kind == .product && lines[$0].debit.isZero != lines[$0].credit.isZero }) else {
            throw DemoEditError.nothingToEdit(move.name)
        }
        let editedIsDebit = !lines[edited].debit.isZero
        guard let counterpart = range.first(where: { lines[$0].kind == .paymentTerm })
                ?? range.first(where: { $0 != edited && (editedIsDebit ? !lines[$0].credit.isZero : !lines[$0].debit.isZero) })
        else { throw DemoEditError.nothingToEdit(move.name) }
        let home = book.snapshot.company.currency
        let bump = home.money(minorUnits)
        // Signed change of each line's balance (debit minus credit).
        let change = editedIsDebit ? bump : -bump
        func apply(_ index: Int, _ delta: Money) {
            if delta.isNegative { book.snapshot.lines[index].credit += delta.magnitude } else { book.snapshot.lines[index].debit += delta }
            if move.currencyID == home.id { book.snapshot.lines[index].amountCurrency += delta }
        }
        apply(edited, change)
        apply(counterpart, -change)
        let reconcilable = book.snapshot.accounts.first { $0.id == lines[counterpart].accountID }?.reconcile ?? false
        if reconcilable && !lines[counterpart].reconciled {
            book.snapshot.lines[counterpart].amountResidual -= change
            if move.type.isInvoice && lines[counterpart].kind == .paymentTerm {
                book.snapshot.moves[moveID - 1].amountResidual += bump
            }
        }
        clock = Timestamp(secondsSinceEpoch: clock.secondsSinceEpoch + 60)
        book.snapshot.moves[moveID - 1].amountTotal += bump
        book.snapshot.moves[moveID - 1].audit.writtenBy = UserRef(id: 2, name: "Administrator")
        book.snapshot.moves[moveID - 1].audit.writtenAt = clock
        return book.snapshot.moves[moveID - 1]
    }

    /// Edits the first posted, still unpaid vendor bill of the period (see `simulateEdit(moveID:)`)
    /// and returns its name.
    public func simulateAdministratorEdit(in period: Period) throws -> String {
        guard let move = book.snapshot.moves.first(where: {
            $0.type == .vendorBill && $0.state == .posted && period.contains($0.date) && !$0.amountResidual.isZero })
        else { throw DemoEditError.nothingToEdit("a posted vendor bill in \(period)") }
        return try simulateEdit(moveID: move.id).name
    }

    /// Lines are sorted by (move, id), so a move's lines are one contiguous run.
    static func lineRange(of moveID: Int, in lines: [JournalLine]) -> Range<Int> {
        var low = 0, high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if lines[mid].moveID < moveID { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < lines.count && lines[end].moveID == moveID { end += 1 }
        return low..<end
    }
}

public enum DemoEditError: Error, CustomStringConvertible {
    case noSuchMove(Int)
    case notPosted(String)
    case nothingToEdit(String)

    public var description: String {
        switch self {
        case .noSuchMove(let id): "The demo company has no entry with id \(id)."
        case .notPosted(let name): "\(name) is not posted; only posted entries are edited to test change detection."
        case .nothingToEdit(let what): "The demo company has no line to edit in \(what)."
        }
    }
}
