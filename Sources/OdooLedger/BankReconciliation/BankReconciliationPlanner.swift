import Ledger

/// Decides, from what was read, whether and how one approved match is written. Pure: no I/O.
///
/// Sign conventions (Odoo's): a statement line's `amount` is positive for money received. Its entry
/// has a liquidity item (balance = +amount) and a suspense item (balance = -amount). An invoice's
/// receivable item has a positive residual, a bill's payable item a negative one. The match moves the
/// suspense item to counterpart items of the opposite sign of what they settle, plus the write-off
/// (positive = expense = debit), so the entry stays balanced:
/// amount + writeOff = sum of the amounts settled on the open items.
enum BankReconciliationPlanner {
    static func decide(_ item: BankReconciliation, facts: BankReconciliationFacts) -> BankReconciliationDecision {
        let line = facts.statementLine
        if let problem = entryProblem(line) { return .refuse(problem) }
        let suspense = line.suspenseLines
        if suspense.isEmpty { return finishOrDone(item, facts: facts) }
        guard suspense.count == 1, let suspenseLine = suspense.first else {
            return .refuse("Statement line \(line.label) has \(suspense.count) suspense items, which Odoo does not allow for a statement line: "
                           + "correct its entry in Odoo, then approve the match again.")
        }
        guard line.otherLines.isEmpty else {
            return .refuse("Statement line \(line.label) is already partly matched in Odoo (its entry has \(line.otherLines.count) "
                           + "counterpart item(s) beside the suspense item): finish or revert that match in Odoo, then approve the match again.")
        }
        guard !suspenseLine.amountCurrency.isZero else {
            return .refuse("Statement line \(line.label) has a zero amount: there is nothing to match.")
        }
        if let problem = lockProblem(line, company: facts.company) { return .refuse(problem) }
        switch openItems(item, facts: facts) {
        case .failure(let problem): return .refuse(problem.message)
        case .success(let items): return plan(item, facts: facts, suspense: suspenseLine, items: items)
        }
    }

    // MARK: - Checks before any write

    static func entryProblem(_ line: StatementLineFacts) -> String? {
        guard line.moveState == "posted" else {
            return "Statement line \(line.label) has a \(line.moveState) entry: Odoo reconciles posted entries only; post it in Odoo first."
        }
        guard line.liquidityLines.count == 1 else {
            return "Statement line \(line.label) has \(line.liquidityLines.count) bank items where Odoo expects exactly one: "
                + "correct its entry in Odoo, then approve the match again."
        }
        return nil
    }

    static func lockProblem(_ line: StatementLineFacts, company: CompanyFacts) -> String? {
        guard let lock = company.lockDate, line.date <= lock else { return nil }
        return "Statement line \(line.label) is dated \(line.date), inside the period locked up to \(lock) (\(company.lockName)): "
            + "Odoo refuses to change its entry; reopen the period or ask for a lock exception, then approve the match again."
    }

    struct Problem: Error, Hashable { var message: String }

    /// One open item with what it still owes in its own currency (the amount to settle).
    struct OpenItem: Hashable {
        enum Kind: String, Hashable { case receivable, payable, transfer, other }
        var facts: JournalItemFacts
        var kind: Kind
        /// For a transfer: the other statement line.
        var transferLine: StatementLineFacts?
        var open: Money { kind == .transfer ? facts.amountCurrency : facts.residualInCurrency }
    }

    static func openItems(_ item: BankReconciliation, facts: BankReconciliationFacts) -> Result<[OpenItem], Problem> {
        let line = facts.statementLine
        let fail = { (message: String) in Result<[OpenItem], Problem>.failure(Problem(message: message)) }
        // No open item: the whole line is booked to the write-off account (bank fees, payroll), which the plan checks.
        guard !item.openItemLineIDs.isEmpty || item.effectiveWriteOff != nil else {
            return fail("The match for statement line \(line.label) names no open item and no account: approve a match with one or the other.")
        }
        guard Set(item.openItemLineIDs).count == item.openItemLineIDs.count else {
            return fail("The match for statement line \(line.label) names an open item twice: correct the proposal.")
        }
        var result: [OpenItem] = []
        for id in item.openItemLineIDs {
            guard let open = facts.openItems[id] else {
                return fail("Journal item \(id) of the match for statement line \(line.label) no longer exists in Odoo: pull again and re-propose the match.")
            }
            if open.moveID == line.moveID { return fail("The match for statement line \(line.label) names its own \(open.label): correct the proposal.") }
            guard open.moveState == "posted" else {
                return fail("The open item \(open.label) is not posted (\(open.moveState)): Odoo reconciles posted entries only; post it or leave it out.")
            }
            guard open.companyID == line.companyID else {
                return fail("The open item \(open.label) belongs to another company than statement line \(line.label): match items of the same company.")
            }
            if let other = open.statementLineID.flatMap({ facts.transferStatementLines[$0] }), other.suspenseLines.contains(where: { $0.id == id }) {
                if let problem = transferProblem(line, other: other, company: facts.company, accounts: facts.accounts) { return fail(problem) }
                result.append(OpenItem(facts: open, kind: .transfer, transferLine: other))
                continue
            }
            guard open.accountReconciles else {
                return fail("The open item \(open.label) is on an account that does not allow reconciliation: choose a receivable, payable or "
                            + "outstanding item, or another statement line's suspense item for an internal transfer.")
            }
            guard !open.reconciled && !open.residualInCurrency.isZero else {
                let number = open.matchingNumber.map { " (matching number \($0))" } ?? ""
                return fail("The open item \(open.label) is already fully reconciled\(number): pull again and re-propose the match without it.")
            }
            let kind: OpenItem.Kind = switch open.accountType {
            case "asset_receivable": .receivable
            case "liability_payable": .payable
            default: .other
            }
            result.append(OpenItem(facts: open, kind: kind))
        }
        let kinds = Set(result.map(\.kind))
        if kinds.count > 1 {
            return fail("The match for statement line \(line.label) mixes \(kinds.map(\.rawValue).sorted().joined(separator: " and ")) items: "
                        + "Odoo reconciles items of one account only; approve separate matches for each.")
        }
        if kinds == [.other], Set(result.map(\.facts.accountID)).count > 1 {
            return fail("The open items of the match for statement line \(line.label) are on different accounts "
                        + "(\(Set(result.map(\.facts.accountCode)).sorted().joined(separator: ", "))): approve separate matches for each account.")
        }
        return .success(result)
    }

    /// The other side of an internal transfer must be an untouched statement line of another entry in an open period.
    static func transferProblem(_ line: StatementLineFacts, other: StatementLineFacts, company: CompanyFacts,
                                accounts: [Int: AccountFacts]) -> String? {
        if let problem = entryProblem(other) { return problem }
        guard other.otherLines.isEmpty, other.suspenseLines.count == 1 else {
            return "Statement line \(other.label), the other side of the transfer, is already matched in Odoo: pull again and re-propose the match."
        }
        if let problem = lockProblem(other, company: company) { return problem }
        guard let transfer = company.transferAccountID, let account = accounts[transfer] else {
            return "The company has no internal transfer account (Accounting settings, Inter-Banks Transfer Account): set one, then approve the match again."
        }
        guard account.reconciles else {
            return "The internal transfer account \(account.label) does not allow reconciliation: allow it in Odoo, then approve the match again."
        }
        return nil
    }

    // MARK: - The plan

    static func plan(_ item: BankReconciliation, facts: BankReconciliationFacts, suspense: JournalItemFacts,
                     items: [OpenItem]) -> BankReconciliationDecision {
        let line = facts.statementLine
        let currency = suspense.amountCurrency.currency
        for open in items where open.facts.currencyID != suspense.currencyID {
            return .refuse("The open item \(open.label) is in \(open.facts.amountCurrency.currency) but statement line \(line.label) is in "
                           + "\(currency): Closer matches items in the statement line's currency only; reconcile this one in Odoo.")
        }
        let writeOff = item.effectiveWriteOff
        var writeOffAccount: AccountFacts?
        if let writeOff {
            guard writeOff.currency == currency, writeOff.scale == suspense.amountCurrency.scale else {
                return .refuse("The write-off of \(writeOff) for statement line \(line.label) must be in the statement line's currency (\(currency)): "
                               + "correct the proposal.")
            }
            guard let id = item.writeOffAccountID else {
                return .refuse("The write-off of \(writeOff) for statement line \(line.label) has no account: choose the write-off account and approve again.")
            }
            guard let account = facts.accounts[id] else {
                return .refuse("The write-off account \(id) for statement line \(line.label) does not exist in Odoo: choose another account.")
            }
            guard !account.deprecated else {
                return .refuse("The write-off account \(account.label) for statement line \(line.label) is deprecated in Odoo: choose another account.")
            }
            guard account.id != line.liquidityAccountID && account.id != line.suspenseAccountID else {
                return .refuse("The write-off account \(account.label) is the bank journal's own account: choose an expense or income account.")
            }
            writeOffAccount = account
        }
        // amount received (+) or paid (-) in the transaction currency, plus the write-off, is what the items settle.
        let total = -suspense.amountCurrency.minorUnits + (writeOff?.minorUnits ?? 0)
        let allocation: [Int64]
        switch allocate(total: total, open: items.map(\.open.minorUnits)) {
        case .failure(let problem):
            return .refuse(problem.message(line: line, items: items, total: Money(minorUnits: total, currency: currency, scale: suspense.amountCurrency.scale),
                                           writeOff: writeOff))
        case .success(let values): allocation = values
        }
        for (open, settled) in zip(items, allocation) where open.kind == .transfer && settled != open.open.minorUnits {
            return .refuse("Statement line \(line.label) and \(open.transferLine?.label ?? open.label) do not offset "
                           + "(\(suspense.amountCurrency.negated) against \(open.open)): an internal transfer is matched in full; "
                           + "add a write-off for the difference.")
        }
        let transferAccount = facts.company.transferAccountID ?? 0
        var lines: [PlannedLine] = []
        for (open, settled) in zip(items, allocation) {
            lines.append(PlannedLine(
                role: .counterpart(openItemID: open.facts.id),
                accountID: open.kind == .transfer ? transferAccount : open.facts.accountID,
                partnerID: open.kind == .transfer ? line.partnerID : open.facts.partnerID,
                currencyID: suspense.currencyID, amountCurrency: suspense.amountCurrency.with(minorUnits: -settled),
                balance: suspense.balance, label: line.paymentRef.isEmpty ? line.moveName : line.paymentRef))
        }
        if let writeOff, let account = writeOffAccount {
            lines.append(PlannedLine(role: .writeOff, accountID: account.id, partnerID: line.partnerID, currencyID: suspense.currencyID,
                                     amountCurrency: writeOff, balance: suspense.balance, label: item.writeOffLabel ?? "Write-off"))
        }
        let balances = companyBalances(for: lines.map(\.amountCurrency.minorUnits), suspenseBalance: suspense.balance.minorUnits,
                                       suspenseAmount: suspense.amountCurrency.minorUnits)
        for index in lines.indices { lines[index].balance = suspense.balance.with(minorUnits: balances[index]) }

        var rewrites = [StatementRewrite(statementLineID: line.id, moveID: line.moveID, moveName: line.moveName,
                                         suspenseLineID: suspense.id, lines: lines)]
        var groups: [[PlannedLineRef]] = []
        for (index, open) in items.enumerated() {
            if let other = open.transferLine {
                rewrites.append(transferRewrite(other, item: open.facts, transferAccount: transferAccount))
                groups.append([.planned(rewrite: 0, line: index), .planned(rewrite: rewrites.count - 1, line: 0)])
            } else {
                groups.append([.planned(rewrite: 0, line: index), .existing(open.facts.id)])
            }
        }
        return .apply(BankReconciliationPlan(rewrites: rewrites, reconcileGroups: groups))
    }

    /// The other statement line's suspense item moves to the transfer account, amounts unchanged.
    static func transferRewrite(_ other: StatementLineFacts, item: JournalItemFacts, transferAccount: Int) -> StatementRewrite {
        StatementRewrite(statementLineID: other.id, moveID: other.moveID, moveName: other.moveName, suspenseLineID: item.id,
                         lines: [PlannedLine(role: .transfer, accountID: transferAccount, partnerID: item.partnerID, currencyID: item.currencyID,
                                             amountCurrency: item.amountCurrency, balance: item.balance,
                                             label: other.paymentRef.isEmpty ? other.moveName : other.paymentRef)])
    }

    // MARK: - Resuming

    /// The statement line has no suspense item left. If an earlier run rewrote it but did not get to
    /// reconcile (its counterpart items are still open on the open items' accounts), finish that;
    /// otherwise it is already matched.
    static func finishOrDone(_ item: BankReconciliation, facts: BankReconciliationFacts) -> BankReconciliationDecision {
        let line = facts.statementLine
        let proposed = item.openItemLineIDs.compactMap { facts.openItems[$0] }
        let transferAccount = facts.company.transferAccountID
        var rewrites: [StatementRewrite] = []
        var pendingItems: [PlannedLineRef] = []
        var pendingAccounts: [Int: [PlannedLineRef]] = [:]
        for open in proposed {
            if let other = open.statementLineID.flatMap({ facts.transferStatementLines[$0] }), let transferAccount,
               other.suspenseLines.contains(where: { $0.id == open.id }) {
                // The other side of a transfer was not rewritten yet.
                guard other.otherLines.isEmpty, entryProblem(other) == nil else { continue }
                if let problem = lockProblem(other, company: facts.company) { return .refuse(problem) }
                rewrites.append(transferRewrite(other, item: open, transferAccount: transferAccount))
                pendingAccounts[transferAccount, default: []].append(.planned(rewrite: rewrites.count - 1, line: 0))
                pendingItems.append(.planned(rewrite: rewrites.count - 1, line: 0))
            } else if open.accountReconciles && !open.reconciled && !open.residualInCurrency.isZero {
                pendingAccounts[open.accountID, default: []].append(.existing(open.id))
                pendingItems.append(.existing(open.id))
            }
        }
        let counterparts = line.otherLines.filter { $0.accountReconciles && !$0.reconciled && !$0.residualInCurrency.isZero }
        var groups: [[PlannedLineRef]] = []
        for (account, refs) in pendingAccounts.sorted(by: { $0.key < $1.key }) {
            let mine = counterparts.filter { $0.accountID == account }
            guard !mine.isEmpty else { continue }
            groups.append(mine.map { .existing($0.id) } + refs)
        }
        guard !groups.isEmpty else {
            if let stray = counterparts.first(where: { counterpart in proposed.contains { $0.accountID == counterpart.accountID } }) {
                return .refuse("Statement line \(line.label) was rewritten to \(stray.label) but that item is not reconciled and the "
                               + "match's open items are settled elsewhere: check the entry in Odoo, revert it (action_undo_reconciliation) "
                               + "and re-propose the match.")
            }
            return .alreadyReconciled
        }
        return .finish(BankReconciliationPlan(rewrites: rewrites, reconcileGroups: groups))
    }

    // MARK: - Arithmetic

    enum AllocationProblem: Error, Hashable {
        /// The items together owe less than the statement line pays (after the write-off).
        case overpaid(excess: Int64)
        /// An item would get nothing because earlier items use up the amount.
        case unused(index: Int)
        /// The statement line pays in the direction opposite to what the items owe.
        case wrongDirection
        /// Items of both directions (invoices and credit notes) must add up exactly.
        case mixedNotExact

        func message(line: StatementLineFacts, items: [BankReconciliationPlanner.OpenItem], total: Money, writeOff: Money?) -> String {
            let owed = items.reduce(total.with(minorUnits: 0)) { $0 + $1.open }
            let after = writeOff.map { " after the write-off of \($0)" } ?? ""
            switch self {
            case .overpaid(let excess):
                return "Statement line \(line.label) settles \(total)\(after), \(total.with(minorUnits: excess).magnitude) more than its open items "
                    + "still owe (\(owed)): add the missing open item or a write-off for the difference."
            case .unused(let index):
                return "Statement line \(line.label) settles \(total)\(after), which is used up before \(items[index].label): "
                    + "leave that item out of the match."
            case .wrongDirection:
                return "Statement line \(line.label) settles \(total)\(after) but its open items owe \(owed), in the other direction: "
                    + "a receipt settles invoices (or refunds of bills), a payment settles bills (or credit notes); correct the proposal."
            case .mixedNotExact:
                return "Statement line \(line.label) settles \(total)\(after) but its open items (invoices and credit notes together) owe \(owed): "
                    + "with items of both directions the amounts must agree exactly; add a write-off for the difference."
            }
        }
    }

    /// Splits `total` (signed, transaction currency minor units) over the items' open amounts in order:
    /// each item gets what it owes until the total runs out; the last one that gets money may stay partly open.
    static func allocate(total: Int64, open: [Int64]) -> Result<[Int64], AllocationProblem> {
        let owed = open.reduce(0, +)
        if owed == total { return .success(open) }
        guard total != 0 else { return .failure(.wrongDirection) }
        let sign: Int64 = total > 0 ? 1 : -1
        let sameDirection = open.allSatisfy { $0.signum() == sign }
        guard sameDirection else {
            return .failure(open.allSatisfy { $0.signum() == -sign } ? .wrongDirection : .mixedNotExact)
        }
        if abs(total) > abs(owed) { return .failure(.overpaid(excess: total - owed)) }
        var remaining = total
        var result: [Int64] = []
        for (index, amount) in open.enumerated() {
            guard remaining != 0 else { return .failure(.unused(index: index)) }
            let settled = sign * min(abs(amount), abs(remaining))
            result.append(settled)
            remaining -= settled
        }
        return .success(result)
    }

    /// Company-currency balances of the new items, at the statement line's own rate (its suspense item's
    /// balance over its amount), rounded half away from zero; the rounding difference goes to the
    /// largest item so the entry balances to the cent.
    static func companyBalances(for amounts: [Int64], suspenseBalance: Int64, suspenseAmount: Int64) -> [Int64] {
        guard suspenseAmount != 0, !amounts.isEmpty else { return amounts.map { _ in 0 } }
        var balances = amounts.map { amount -> Int64 in
            let product = amount.multipliedFullWidth(by: suspenseBalance)
            let (quotient, remainder) = suspenseAmount.dividingFullWidth(product)
            guard remainder != 0, remainder.magnitude * 2 >= suspenseAmount.magnitude else { return quotient }
            let negative = ((amount < 0) != (suspenseBalance < 0)) != (suspenseAmount < 0)
            return quotient + (negative ? -1 : 1)
        }
        let difference = suspenseBalance - balances.reduce(0, +)
        if difference != 0, let largest = amounts.indices.max(by: { abs(amounts[$0]) < abs(amounts[$1]) }) {
            balances[largest] += difference
        }
        return balances
    }
}

extension BankReconciliationPlanner.OpenItem {
    var label: String { transferLine.map { "statement line \($0.label)" } ?? facts.label }
}

extension Money {
    func with(minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: currency, scale: scale) }
}
