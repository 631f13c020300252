import Foundation
import Ledger

/// Checks on the lines of posted entries dated in the period: partners, analytics and taxes.
extension Check {
    static let missingPartnerOnReceivablePayable = Check(
        id: "missing-partner-on-receivable-payable", title: "Receivable and payable lines without a partner", severity: .blocking
    ) { context in
        var issues: [Issue] = []
        context.forEachPostedLineInPeriod { move, index in
            let line = context.snapshot.lines[index]
            guard line.partnerID == nil, let account = context.accountIndex[line.accountID],
                  context.accountIsReceivableOrPayable[account] else { return }
            issues.append(Issue(records: [context.record(line)],
                                message: "The \(context.describe(line, of: move)) has no partner: set the customer or vendor "
                                    + "so the open item shows in the partner's ledger and can be reconciled.",
                                evidence: ["account": context.accountName(line.accountID), "amount": line.balance.decimalText]))
        }
        return issues
    }

    static let missingAnalytic = Check(id: "missing-analytic", title: "Expense lines without an analytic distribution", severity: .warning) { context in
        var issues: [Issue] = []
        context.forEachPostedLineInPeriod { move, index in
            guard context.snapshot.lines[index].analytic?.shares.isEmpty ?? true,
                  let account = context.accountIndex[context.snapshot.lines[index].accountID], context.accountNeedsAnalytic[account] else { return }
            let line = context.snapshot.lines[index]
            issues.append(Issue(records: [context.record(line)],
                                message: "The \(context.describe(line, of: move)) has no analytic distribution: assign it to a department.",
                                evidence: ["account": context.accountName(line.accountID), "amount": line.balance.decimalText]))
        }
        return issues
    }

    static let analyticNot100 = Check(id: "analytic-not-100", title: "Analytic distributions that do not total 100 %", severity: .warning) { context in
        let hundred = Decimal(100)
        var issues: [Issue] = []
        context.forEachPostedLineInPeriod { move, index in
            guard let distribution = context.snapshot.lines[index].analytic, !distribution.shares.isEmpty,
                  distribution.totalPercent != hundred else { return }
            let line = context.snapshot.lines[index]
            let total = "\(distribution.totalPercent)"
            issues.append(Issue(records: [context.record(line)],
                                message: "The analytic distribution of the \(context.describe(line, of: move)) totals \(total) %: "
                                    + "adjust the shares to 100 %.",
                                evidence: ["totalPercent": total, "account": context.accountName(line.accountID)]))
        }
        return issues
    }

    static let taxJournalMismatch = Check(id: "tax-journal-mismatch", title: "Sales taxes on purchases and purchase taxes on sales", severity: .warning) { context in
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

    static let journalWithoutEntries = Check(id: "journal-without-entries", title: "Journals with no posted entry in the period", severity: .advisory) { context in
        var used = [Bool](repeating: false, count: context.snapshot.journals.count)
        for move in context.snapshot.moves where move.state == .posted && context.period.contains(move.date) {
            if let journal = context.journalIndex[move.journalID] { used[journal] = true }
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
    /// Calls `body` with every line (by position) of every posted entry dated in the period.
    func forEachPostedLineInPeriod(_ body: (Move, Int) -> Void) {
        for (position, move) in snapshot.moves.enumerated() where move.state == .posted && period.contains(move.date) {
            for index in lineRanges[position] { body(move, index) }
        }
    }
}
