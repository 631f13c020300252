import Ledger

/// What the reconciler read from Odoo for one approved match, as plain values, so the decision
/// (`BankReconciliationPlanner`) is a pure function that tests can feed without an Odoo.
struct BankReconciliationFacts: Sendable, Hashable {
    var statementLine: StatementLineFacts
    /// The proposal's open items by id; an id missing here no longer exists in Odoo.
    var openItems: [Int: JournalItemFacts]
    /// Statement lines whose suspense item is one of the open items (internal transfers), by statement line id.
    var transferStatementLines: [Int: StatementLineFacts]
    var accounts: [Int: AccountFacts]
    var company: CompanyFacts
}

/// An account.bank.statement.line with its entry's items, dispatched as Odoo's `_seek_for_lines` does.
struct StatementLineFacts: Sendable, Hashable {
    var id: Int
    var moveID: Int
    var moveName: String
    /// The entry's state: draft, posted or cancel.
    var moveState: String
    var date: LocalDate
    var companyID: Int
    var journalName: String
    /// The journal's bank account (default_account_id) and suspense account.
    var liquidityAccountID: Int?
    var suspenseAccountID: Int?
    var paymentRef: String
    var partnerID: Int?
    var isReconciled: Bool
    /// amount_residual: what is still unmatched, in the transaction currency.
    var residual: Money
    var lines: [JournalItemFacts]

    var liquidityLines: [JournalItemFacts] {
        let byAccount = lines.filter { $0.accountID == liquidityAccountID }
        return byAccount.isEmpty ? lines.filter { ["asset_cash", "liability_credit_card"].contains($0.accountType) } : byAccount
    }

    var suspenseLines: [JournalItemFacts] {
        lines.filter { $0.accountID == suspenseAccountID && $0.accountID != liquidityAccountID }
    }

    /// Items that are neither liquidity nor suspense: what an earlier match left (counterparts, write-offs).
    var otherLines: [JournalItemFacts] {
        let taken = Set((liquidityLines + suspenseLines).map(\.id))
        return lines.filter { !taken.contains($0.id) }
    }

    var label: String { paymentRef.isEmpty ? moveName : "\(moveName) (\(paymentRef))" }
}

/// An account.move.line as the reconciler needs it. Amounts are exact minor units.
struct JournalItemFacts: Sendable, Hashable {
    var id: Int
    var moveID: Int
    var moveName: String
    /// parent_state: draft, posted or cancel.
    var moveState: String
    var date: LocalDate
    var accountID: Int
    var accountCode: String
    var accountType: String
    var accountReconciles: Bool
    var partnerID: Int?
    var companyID: Int
    var currencyID: Int
    /// Company currency.
    var balance: Money
    /// The item's currency.
    var amountCurrency: Money
    var residual: Money
    var residualInCurrency: Money
    var reconciled: Bool
    var matchingNumber: String?
    /// Set on the items of a statement line's entry.
    var statementLineID: Int?

    var label: String { "journal item \(id) of \(moveName) on account \(accountCode)" }
}

struct AccountFacts: Sendable, Hashable {
    var id: Int
    var code: String
    var name: String
    var accountType: String
    var reconciles: Bool
    var deprecated: Bool

    var label: String { "\(code) \(name)" }
}

struct CompanyFacts: Sendable, Hashable {
    var id: Int
    var currency: Currency
    /// The company's liquidity transfer account (transfer_account_id).
    var transferAccountID: Int?
    /// The latest lock date that applies to bank entries for this user: fiscal year or hard lock.
    var lockDate: LocalDate?
    /// Which lock it is, for the message ("fiscal year lock", "hard lock").
    var lockName: String
}
