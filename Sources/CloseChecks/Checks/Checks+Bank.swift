import Ledger

/// Checks on the bank: statement lines left open, and suspense and clearing accounts that should be empty.
extension Check {
    static let unreconciledStatementLine = Check(
        id: "unreconciled-statement-line", title: "Bank statement lines not reconciled",
        explanation: "Bank statement lines dated in or before the period that are not reconciled: the bank balance in the "
            + "ledger is not yet explained.",
        severity: .warning
    ) { context in
        let end = context.period.end
        return context.snapshot.statementLines.compactMap { line in
            guard !line.isReconciled, line.date <= end else { return nil }
            let moveName = context.move(id: line.moveID)?.name ?? "entry \(line.moveID)"
            let name = moveName + (line.paymentRef.map { " " + $0 } ?? "")
            return Issue(records: [FindingRecord(model: "account.bank.statement.line", id: line.id, name: name)],
                         message: "Statement line \(name) (\(context.journalCode(line.journalID)), \(line.date)) for \(line.amount) "
                             + "is not reconciled: match it to its invoice, bill or payment, or book it to the right account.",
                         evidence: ["date": line.date.description, "amount": line.amount.decimalText,
                                    "journal": context.journalCode(line.journalID)])
        }
    }

    static let suspenseNotZero = Check(id: "suspense-not-zero", title: "Suspense accounts with a balance",
        explanation: "Suspense accounts (rule set: suspense_account_codes) with a balance at period end: amounts parked "
            + "there are not yet booked where they belong.",
        severity: .warning) { context in
        context.nonZeroBalanceIssues(codes: context.rules.suspenseAccountCodes, kind: "Suspense",
                                     advice: "reconcile the statement lines behind it until it is zero.")
    }

    static let clearingNotZero = Check(id: "clearing-not-zero", title: "Clearing accounts with a balance",
        explanation: "Transit accounts (outstanding receipts and payments, liquidity transfers; rule set: "
            + "clearing_account_codes) that do not clear to zero at period end.",
        severity: .advisory) { context in
        context.nonZeroBalanceIssues(codes: context.rules.clearingAccountCodes, kind: "Clearing",
                                     advice: "match the payments and transfers still in transit, or explain the balance.")
    }
}

extension CheckContext {
    /// One issue per account with one of `codes` that should be empty at period end but holds a balance.
    func nonZeroBalanceIssues(codes: [String], kind: String, advice: String) -> [Issue] {
        nonZeroBalances(codes: codes).map { account, balance in
            Issue(records: [FindingRecord(model: "account.account", id: account.id, name: account.displayName)],
                  message: "\(kind) account \(account.displayName) holds \(money(balance)) at \(period.end): " + advice,
                  evidence: ["balance": money(balance).decimalText, "asOf": period.end.description])
        }
    }

    /// Accounts with one of `codes` whose posted balance up to the period end is not zero, in code order.
    func nonZeroBalances(codes: [String]) -> [(Account, Int64)] {
        let positions = accountPositions(codes: codes)
        guard !positions.isEmpty else { return [] }
        let balance = shared.balancesAtPeriodEnd(self)
        return positions.filter { balance[$0] != 0 }
            .map { (snapshot.accounts[$0], balance[$0]) }
            .sorted { $0.0.code < $1.0.code }
    }
}
