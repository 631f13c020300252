import Foundation
import Ledger

/// Serves a demo company as if it were an Odoo database: pulls honour the window and the
/// changed-since cursor, and an administrator's edit of a posted entry can be simulated.
public actor DemoLedgerSource: LedgerSource {
    private var book: DemoBook
    /// Simulated server time: writes made by `simulateAdministratorEdit` happen after everything else.
    private var clock: Timestamp

    public init(book: DemoBook) {
        self.book = book
        clock = Timestamp(date: book.groundTruth.asOf, hour: 9)
    }

    public nonisolated var sourceDescription: String { "the embedded demo company" }

    public func pull(_ request: PullRequest, progress: PullProgress?) async throws -> PullResult {
        let snapshot = book.snapshot
        let inWindow = snapshot.moves.filter { request.window.contains($0.date) }
        let changed = request.changedSince.map { since in inWindow.filter { $0.audit.writtenAt >= since } } ?? inWindow
        let ids = Set(changed.map(\.id))
        let lines = snapshot.lines.filter { ids.contains($0.moveID) }
        let statementLines = snapshot.statementLines.filter { request.window.contains($0.date) && (request.changedSince == nil || ids.contains($0.moveID)) }
        progress?("account.move", changed.count)
        progress?("account.move.line", lines.count)
        progress?("account.bank.statement.line", statementLines.count)
        let result = LedgerSnapshot(company: snapshot.company, currencies: snapshot.currencies, accounts: snapshot.accounts,
                                    journals: snapshot.journals, partners: snapshot.partners, taxes: snapshot.taxes,
                                    moves: changed, lines: lines, statementLines: statementLines)
        let cursor = inWindow.map(\.audit.writtenAt).max()
        let counts = request.changedSince == nil
            ? LedgerCounts(accounts: snapshot.accounts.count, journals: snapshot.journals.count, partners: snapshot.partners.count,
                           moves: inWindow.count, lines: lines.count, statementLines: statementLines.count)
            : nil
        return PullResult(snapshot: result, moveIDsInWindow: inWindow.map(\.id), cursor: cursor, sourceCounts: counts)
    }

    /// Does what Odoo lets an administrator do (see the recorded transcripts): raises the debit of
    /// a posted vendor bill's expense line by 100.00 and re-balances through the payable line.
    /// Returns the edited entry's name.
    public func simulateAdministratorEdit(in period: Period) throws -> String {
        let lines = book.snapshot.lines
        guard let move = book.snapshot.moves.first(where: {
                  $0.type == .vendorBill && $0.state == .posted && period.contains($0.date) && !$0.amountResidual.isZero }),
              let product = lines.firstIndex(where: { $0.moveID == move.id && $0.kind == .product }),
              let term = lines.firstIndex(where: { $0.moveID == move.id && $0.kind == .paymentTerm })
        else { throw DemoEditError.nothingToEdit(period) }
        let bump = book.snapshot.company.currency.money(10_000)
        book.snapshot.lines[product].debit += bump
        book.snapshot.lines[product].amountCurrency += bump
        book.snapshot.lines[term].credit += bump
        book.snapshot.lines[term].amountCurrency -= bump
        book.snapshot.lines[term].amountResidual -= bump
        clock = Timestamp(secondsSinceEpoch: clock.secondsSinceEpoch + 60)
        let index = move.id - 1
        book.snapshot.moves[index].amountTotal += bump
        book.snapshot.moves[index].amountResidual += bump
        book.snapshot.moves[index].audit.writtenBy = UserRef(id: 2, name: "Administrator")
        book.snapshot.moves[index].audit.writtenAt = clock
        return move.name
    }
}

public enum DemoEditError: Error, CustomStringConvertible {
    case nothingToEdit(Period)

    public var description: String {
        switch self {
        case .nothingToEdit(let period): "The demo company has no posted vendor bill in \(period) to edit."
        }
    }
}
