public import Ledger

/// Why a bill is left out of a payment run, in words that say what to do about it.
public enum PreflightIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    case notApproved
    case held(String)
    case noBankAccount
    case untrusted(number: String)
    case severalTrustedAccounts(numbers: [String])
    case invalidNumber(number: String, reason: String)
    case accountCurrency(number: String, account: CurrencyCode, bill: CurrencyCode)
    case journalCurrency(journal: CurrencyCode, bill: CurrencyCode)
    case coolingOff(number: String, change: BankDetailChange.Kind, on: LocalDate, until: LocalDate)
    case unverified(number: String, change: BankDetailChange.Kind, on: LocalDate, by: String)
    case verifiedByChanger(number: String, login: String)
    case trustedByChanger(number: String, login: String)
    /// Another company (not a contact of the vendor's) holds the number too.
    case sharedNumber(number: String, owners: [String])
    /// An employee's own account: the classic diversion of a vendor's payments.
    case employeeNumber(number: String, employees: [String])
    case alreadyPaid(payment: String, posted: Bool)
    case likelyPaid(payment: String, on: LocalDate)
    case lockDate(payment: LocalDate, lock: LocalDate)
    case insufficientFunds(projected: Money)

    public var description: String {
        switch self {
        case .notApproved:
            "not approved yet: the bill's approval route is not complete"
        case .held(let why):
            "held by the payables controls: \(why)"
        case .noBankAccount:
            "the vendor has no bank account in Odoo: add one, verify it with the vendor and trust it"
        case .untrusted(let number):
            "bank account \(number) is not trusted: once verified, someone with \"Validate bank account\" trusts it in Odoo"
        case .severalTrustedAccounts(let numbers):
            "the vendor has \(numbers.count) trusted bank accounts (\(numbers.joined(separator: ", "))): keep one trusted, so the run knows where to pay"
        case .invalidNumber(_, let reason):
            reason
        case .accountCurrency(let number, let account, let bill):
            "bank account \(number) takes \(account) and the bill is in \(bill)"
        case .journalCurrency(let journal, let bill):
            "the bank journal pays only in \(journal) and the bill is in \(bill): pay it from a journal in \(bill)"
        case .coolingOff(let number, let change, let on, let until):
            "bank account \(number) was \(change.words) on \(on): payments to it wait until \(until) (cool-off)"
        case .unverified(let number, let change, let on, let by):
            "bank account \(number) was \(change.words) on \(on) by \(by) and nobody has recorded verifying it with the vendor "
                + "(call a number from an earlier record, not from the change request), then `closer payments verify`"
        case .verifiedByChanger(let number, let login):
            "bank account \(number) was verified by \(login), who also changed it: a second person verifies"
        case .trustedByChanger(let number, let login):
            "bank account \(number) was trusted by \(login), who also changed it: a second person trusts it"
        case .sharedNumber(let number, let owners):
            "bank account \(number) also belongs to \(owners.joined(separator: ", ")): confirm with the vendor before paying"
        case .employeeNumber(let number, let employees):
            "bank account \(number) is also the account of employee \(employees.joined(separator: ", ")): confirm with the vendor, "
                + "from a number on an earlier record, whose account it is before paying"
        case .alreadyPaid(let payment, let posted):
            posted ? "already paid by \(payment)" : "draft payment \(payment) already pays it: post or cancel it in Odoo"
        case .likelyPaid(let payment, let on):
            "payment \(payment) of the same amount to the same vendor on \(on) is not matched to any bill: it may be this one, paid already"
        case .lockDate(let payment, let lock):
            "a payment on \(payment) falls on or before the lock date \(lock)"
        case .insufficientFunds(let projected):
            "not enough on the bank account: \(projected) would be left after the payments due before it"
        }
    }
}

extension PreflightIssue {
    /// A stable id of what the check found, for counting and scoring ("bank-change-unverified", "payment-likely-duplicate").
    public var kind: String {
        switch self {
        case .notApproved: "not-approved"
        case .held: "held"
        case .noBankAccount: "no-bank-account"
        case .untrusted: "bank-account-untrusted"
        case .severalTrustedAccounts: "several-trusted-accounts"
        case .invalidNumber: "invalid-bank-account"
        case .accountCurrency: "bank-account-currency"
        case .journalCurrency: "journal-currency"
        case .coolingOff: "bank-change-cooling-off"
        case .unverified: "bank-change-unverified"
        case .verifiedByChanger: "bank-change-verified-by-changer"
        case .trustedByChanger: "bank-change-trusted-by-changer"
        case .sharedNumber: "shared-bank-account"
        case .employeeNumber: "employee-bank-account"
        case .alreadyPaid: "payment-already-made"
        case .likelyPaid: "payment-likely-duplicate"
        case .lockDate: "lock-date"
        case .insufficientFunds: "insufficient-funds"
        }
    }
}
