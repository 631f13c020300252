import Ledger

/// Checks that two views of the same money agree: the bank's statement lines against the general
/// ledger, and the partner open items against the receivable/payable balances they make up.
extension Check {
    /// Per bank journal: the GL movement on its default account from the entries of its statement lines
    /// (posted, dated up to the period end) against the sum of those statement lines. The snapshot holds only
    /// the statement lines of the pull window, so the movement within the window is compared, not the balance.
    /// Amounts are in the journal's currency (amount_currency when the journal has a foreign currency).
    static let bankBalanceMismatch = Check(
        id: "bank-balance-mismatch", title: "Bank statement lines disagree with the general ledger",
        explanation: "For each bank journal, the general-ledger balance of its bank account against the running balance "
            + "of its statements at period end.",
        severity: .blocking
    ) { context in
        let snapshot = context.snapshot
        let end = context.period.end
        var statementTotal: [Int: Int64] = [:]
        var statementCount: [Int: Int] = [:]
        var moveJournal: [Int: Int] = [:]   // statement entry id → its statement line's journal
        for line in snapshot.statementLines where line.date <= end {
            statementTotal[line.journalID, default: 0] += line.amount.minorUnits
            statementCount[line.journalID, default: 0] += 1
            moveJournal[line.moveID] = line.journalID
        }
        var ledgerTotal: [Int: Int64] = [:]
        for (moveID, journalID) in moveJournal {
            guard let position = context.moveIndex[moveID], snapshot.moves[position].state == .posted,
                  let journal = context.journal(id: journalID), let bankAccount = journal.defaultAccountID else { continue }
            let foreign = journal.currencyID.map { $0 != snapshot.company.currency.id } ?? false
            for line in context.lines(ofMoveAt: position) where line.accountID == bankAccount && line.date <= end {
                ledgerTotal[journalID, default: 0] += foreign ? line.amountCurrency.minorUnits : line.balance.minorUnits
            }
        }
        return snapshot.journals.compactMap { journal -> Issue? in
            guard journal.type == .bank, let bankAccount = journal.defaultAccountID, let statement = statementTotal[journal.id] else { return nil }
            let ledger = ledgerTotal[journal.id] ?? 0
            guard ledger != statement else { return nil }
            let currency = journal.currencyID.flatMap { id in snapshot.currencies.first { $0.id == id } } ?? snapshot.company.currency
            let glText = currency.money(ledger), statementText = currency.money(statement), difference = currency.money(ledger - statement)
            return Issue(
                records: [FindingRecord(model: "account.journal", id: journal.id, name: journal.name)],
                message: "Bank journal \(journal.code) (\(journal.name)): the general ledger moved \(glText) on \(context.accountName(bankAccount)) "
                    + "from its statement entries up to \(end), but its \(statementCount[journal.id] ?? 0) statement lines add up to \(statementText) "
                    + "(difference \(difference)): find the statement entry that was edited, unposted or booked to another account.",
                evidence: ["ledger": glText.decimalText, "statement": statementText.decimalText, "difference": difference.decimalText,
                           "account": context.accountName(bankAccount), "asOf": end.description])
        }
    }

    /// Per partner and reconcilable receivable/payable account: the open items (amount_residual of posted
    /// lines) must add up to the balance of those lines. Odoo's residuals are as of the pull, so every
    /// pulled line counts whatever its date. The control account's own residual total is the sum of the
    /// same lines, so it agrees by construction; the per-partner comparison is what can go wrong:
    /// a reconciliation across partners or accounts, or an item matched with a line outside the pull.
    static let subledgerControlMismatch = Check(
        id: "subledger-control-mismatch", title: "Partner open items disagree with their receivable/payable balance",
        explanation: "Receivable and payable control accounts against the sum of their partners' open items (the "
            + "subledger) at period end.",
        severity: .warning
    ) { context in
        let snapshot = context.snapshot
        let wanted = snapshot.accounts.map { ($0.type == .receivable || $0.type == .payable) && $0.reconcile }
        guard wanted.contains(true) else { return [] }
        struct Key: Hashable { var account: Int; var partner: Int }
        var balance: [Key: Int64] = [:]
        var residual: [Key: Int64] = [:]
        let moves = snapshot.moves
        for position in moves.indices where moves[position].state == .posted {
            for line in context.lines(ofMoveAt: position) {
                guard let account = context.accountIndex[line.accountID], wanted[account] else { continue }
                let key = Key(account: account, partner: line.partnerID ?? 0)
                balance[key, default: 0] += line.balance.minorUnits
                residual[key, default: 0] += line.amountResidual.minorUnits
            }
        }
        let partnerNames = Dictionary(snapshot.partners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return balance.keys.filter { balance[$0] != residual[$0] }
            .sorted { (snapshot.accounts[$0.account].code, $0.partner) < (snapshot.accounts[$1.account].code, $1.partner) }
            .map { key in
                let account = snapshot.accounts[key.account]
                let open = context.money(residual[key] ?? 0), total = context.money(balance[key] ?? 0)
                let difference = context.money((residual[key] ?? 0) - (balance[key] ?? 0))
                let partnerName = key.partner == 0 ? "no partner" : (partnerNames[key.partner] ?? "partner \(key.partner)")
                var records = [FindingRecord(model: "account.account", id: account.id, name: account.displayName)]
                if key.partner != 0 { records.insert(FindingRecord(model: "res.partner", id: key.partner, name: partnerName), at: 0) }
                return Issue(
                    records: records,
                    message: "\(partnerName) on \(account.displayName): open items add up to \(open) but the balance is \(total) "
                        + "(difference \(difference)): look for a reconciliation with another partner or account, "
                        + "or an item matched with an entry outside the pulled window.",
                    evidence: ["openItems": open.decimalText, "balance": total.decimalText, "difference": difference.decimalText,
                               "account": account.displayName, "partner": partnerName])
            }
    }
}
