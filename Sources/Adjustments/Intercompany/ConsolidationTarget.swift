public import Ledger

/// The company and journal elimination entries are drafted in, with the accounts they use: a
/// member (usually the parent) or a separate consolidation company pulled into the store.
public struct ConsolidationTarget: Sendable, Hashable {
    public var company: RecordRef
    public var currency: Currency
    public var lockDates: LockDates
    public var journal: Journal
    public var accounts: EliminationAccounts

    public init(company: RecordRef, currency: Currency, lockDates: LockDates = LockDates(), journal: Journal, accounts: EliminationAccounts) {
        self.company = company
        self.currency = currency
        self.lockDates = lockDates
        self.journal = journal
        self.accounts = accounts
    }

    /// Finds the journal and the elimination accounts in the consolidation company's chart by
    /// code; throws naming every one that is missing.
    public init(in snapshot: LedgerSnapshot, journalCode: String, accountCodes: EliminationAccountCodes = EliminationAccountCodes()) throws {
        var missing: [String] = []
        let journal = snapshot.journals.first { $0.code == journalCode }
        if journal == nil { missing.append("journal \(journalCode)") }
        func account(_ role: String, _ code: String) -> Account? {
            let found = snapshot.accounts.first { $0.code == code }
            if found == nil { missing.append("\(role) account \(code)") }
            return found
        }
        let receivable = account("receivable", accountCodes.receivable), payable = account("payable", accountCodes.payable)
        let revenue = account("revenue", accountCodes.revenue), expense = account("expense", accountCodes.expense)
        guard let journal, let receivable, let payable, let revenue, let expense else {
            throw ConsolidationSetupError(company: snapshot.company.name, missing: missing)
        }
        self.init(company: RecordRef(model: "res.company", id: snapshot.company.id, name: snapshot.company.name),
                  currency: snapshot.company.currency, lockDates: snapshot.company.lockDates, journal: journal,
                  accounts: EliminationAccounts(receivable: receivable, payable: payable, revenue: revenue, expense: expense))
    }
}

/// The consolidation company's accounts that eliminations debit and credit.
public struct EliminationAccounts: Sendable, Hashable {
    public var receivable: Account
    public var payable: Account
    public var revenue: Account
    public var expense: Account

    public init(receivable: Account, payable: Account, revenue: Account, expense: Account) {
        self.receivable = receivable
        self.payable = payable
        self.revenue = revenue
        self.expense = expense
    }
}

/// The elimination accounts by code; the defaults are Odoo 18's generic chart.
public struct EliminationAccountCodes: Sendable, Hashable, Codable {
    public var receivable: String
    public var payable: String
    public var revenue: String
    public var expense: String

    public init(receivable: String = "121000", payable: String = "211000", revenue: String = "400000", expense: String = "500000") {
        self.receivable = receivable
        self.payable = payable
        self.revenue = revenue
        self.expense = expense
    }
}

/// The consolidation company lacks a journal or account the eliminations need.
public struct ConsolidationSetupError: Error, Equatable, CustomStringConvertible {
    public var company: String
    public var missing: [String]

    public init(company: String, missing: [String]) {
        self.company = company
        self.missing = missing
    }

    public var description: String {
        "\(company) has no \(missing.joined(separator: ", ")): create \(missing.count == 1 ? "it" : "them") in Odoo and pull again, "
            + "or name the ones it has."
    }
}
