import Foundation
import Ledger

/// Checks on the lines of posted entries dated in the period: partners, analytics and taxes.
extension Check {
    static let missingPartnerOnReceivablePayable = Check(
        id: "missing-partner-on-receivable-payable", title: "Receivable and payable lines without a partner",
        explanation: "Lines on receivable or payable accounts with no partner: the open item is invisible in the partner ledgers "
            + "and the aged balances, and cannot be reconciled.",
        severity: .blocking
    ) { context in
        context.lineIssues { move, line in
            guard line.partnerID == nil, let account = context.accountIndex[line.accountID],
                  context.accountIsReceivableOrPayable[account] else { return nil }
            return context.issue(line, "The \(context.describe(line, of: move)) has no partner: set the customer or vendor "
                                     + "so the open item shows in the partner's ledger and can be reconciled.")
        }
    }

    static let missingAnalytic = Check(
        id: "missing-analytic", title: "Expense lines without an analytic distribution",
        explanation: "Lines on accounts that the rule set says need an analytic distribution (by account-code prefix) that have none, "
            + "so cost-centre reporting misses them.",
        severity: .warning
    ) { context in
        context.lineIssues { move, line in
            guard line.analytic?.shares.isEmpty ?? true,
                  let account = context.accountIndex[line.accountID], context.accountNeedsAnalytic[account] else { return nil }
            return context.issue(line, "The \(context.describe(line, of: move)) has no analytic distribution: assign it to a department.")
        }
    }

    static let analyticNot100 = Check(
        id: "analytic-not-100", title: "Analytic distributions that do not total 100 %",
        explanation: "Lines whose analytic distribution does not total 100 %, so part of the amount is missing from (or counted twice in) "
            + "analytic reports.",
        severity: .warning
    ) { context in
        let hundred = Decimal(100)
        return context.lineIssues { move, line in
            guard let distribution = line.analytic, !distribution.shares.isEmpty, distribution.totalPercent != hundred else { return nil }
            let total = "\(distribution.totalPercent)"
            return context.issue(line, "The analytic distribution of the \(context.describe(line, of: move)) totals \(total) %: "
                                     + "adjust the shares to 100 %.", evidence: ["totalPercent": total])
        }
    }

    static let taxJournalMismatch = Check(id: "tax-journal-mismatch", title: "Sales taxes on purchases and purchase taxes on sales",
        explanation: "Sales taxes on purchase-journal lines and purchase taxes on sales-journal lines: the tax report "
            + "puts the amount in the wrong box.",
        severity: .warning) { context in
        // Per journal position: the tax scope that does not belong there.
        let wrongScope: [TaxScope?] = context.snapshot.journals.map {
            $0.type == .purchase ? .sale : $0.type == .sale ? .purchase : nil
        }
        var issues: [Issue] = []
        context.forEachPostedLineInPeriod { move, index in
            guard !context.snapshot.lines[index].taxIDs.isEmpty, let journal = context.journalIndex[move.journalID],
                  let wrong = wrongScope[journal] else { return }
            for taxID in context.snapshot.lines[index].taxIDs {
                guard let tax = context.tax(id: taxID), tax.scope == wrong else { continue }
                let line = context.snapshot.lines[index]
                let journalName = context.snapshot.journals[journal].name
                issues.append(Issue(records: [context.record(line)],
                                    message: "The \(context.describe(line, of: move)) carries the \(tax.scope) tax '\(tax.name)' in the "
                                        + "\(journalName) journal: replace it with the matching \(wrong == .sale ? "purchase" : "sales") tax.",
                                    evidence: ["tax": tax.name, "taxScope": tax.scope.rawValue, "journal": context.journalCode(move.journalID)]))
                break
            }
        }
        return issues
    }

    static let missingTaxOnIncome = Check(
        id: "missing-tax-on-income", title: "Customer invoice lines on income accounts without a tax",
        explanation: "Customer invoice lines on income accounts the rule set names (by code prefix) without any tax. "
            + "Even exempt sales need a 0 % tax to appear in the tax report.",
        severity: .warning
    ) { context in
        context.lineIssues { move, line in
            guard move.type == .customerInvoice || move.type == .customerRefund || move.type == .salesReceipt,
                  line.taxIDs.isEmpty, context.isBodyLine(line),
                  let account = context.accountIndex[line.accountID], context.accountNeedsTax[account] else { return nil }
            return context.issue(line, "The \(context.describe(line, of: move)) has no tax: add the sales tax that applies "
                                     + "(or an explicit 0 % / exempt tax, so the tax report shows the sale).")
        }
    }

    static let journalWithoutEntries = Check(id: "journal-without-entries", title: "Journals with no posted entry in the period",
        explanation: "Journals with no posted entry in the period: usually a bank statement not imported or a recurring "
            + "process that did not run. A warning, since triage folds journals the company never used into one note.",
        severity: .warning) { context in
        var used = [Bool](repeating: false, count: context.snapshot.journals.count)
        let moves = context.snapshot.moves
        for position in moves.indices where moves[position].state == .posted && context.period.contains(moves[position].date) {
            if let journal = context.journalIndex[moves[position].journalID] { used[journal] = true }
        }
        return context.snapshot.journals.indices.filter { !used[$0] }.map { position in
            let journal = context.snapshot.journals[position]
            return Issue(records: [FindingRecord(model: "account.journal", id: journal.id, name: journal.name)],
                         message: "Journal \(journal.name) (\(journal.code)) has no posted entry in \(context.period): "
                             + "check that nothing is missing (an unposted statement, a forgotten import) or archive the journal.",
                         evidence: ["journal": journal.code, "type": journal.type.rawValue])
        }
    }
}

extension CheckContext {
    /// One issue per posted line in the period for which `make` returns one.
    func lineIssues(_ make: (Move, JournalLine) -> Issue?) -> [Issue] {
        var issues: [Issue] = []
        forEachPostedLineInPeriod { move, index in
            if let issue = make(move, snapshot.lines[index]) { issues.append(issue) }
        }
        return issues
    }

    /// An issue about one line, with its account and amount as evidence.
    func issue(_ line: JournalLine, _ message: String, evidence: [String: String] = [:]) -> Issue {
        Issue(records: [record(line)], message: message,
              evidence: evidence.merging(["account": accountName(line.accountID), "amount": line.balance.decimalText]) { own, _ in own })
    }

    /// Calls `body` with every line (by position) of every posted entry dated in the period.
    func forEachPostedLineInPeriod(_ body: (Move, Int) -> Void) {
        for (position, move) in snapshot.moves.enumerated() where move.state == .posted && period.contains(move.date) {
            for index in lineRanges[position] { body(move, index) }
        }
    }

    /// The positions of the period's posted lines, for passes that need no entry (no copy of each move on the way).
    func forEachPostedLineIndexInPeriod(_ body: (Int) -> Void) {
        let moves = snapshot.moves
        for position in moves.indices where moves[position].state == .posted && period.contains(moves[position].date) {
            for index in lineRanges[position] { body(index) }
        }
    }
}
