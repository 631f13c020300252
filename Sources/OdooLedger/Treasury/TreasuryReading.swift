public import Ledger
public import Treasury

/// What a payment run needs from Odoo for one company: the posted vendor bills still to pay, the vendors' bank
/// accounts (and what Odoo's tracking says happened to them, when this user may read it), the outgoing payments
/// already there, the bank journals with what they hold, the lock date, and who else holds each account number.
public struct TreasuryReading: Sendable {
    public var sourceKey: SourceKey
    public var company: Company
    public var bills: [PayableBill]
    public var bankAccounts: [ObservedBankAccount]
    /// Nil when this user may not read `mail.tracking.value` (only base.group_system may).
    public var trackedChanges: [BankDetailChange]?
    public var payments: [ExistingPayment]
    public var journals: [BankJournal]
    public var numberOwners: [String: [NumberOwner]]

    /// The date no payment may fall on or before: the later of the fiscal-year and the hard lock.
    public var lockDate: LocalDate? { company.lockDates.lockedThrough }
}

/// A posted vendor bill with something left to pay.
public struct PayableBill: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var vendorID: Int
    public var vendorName: String
    public var reference: String
    /// What is left to pay, in the bill's currency.
    public var residual: Money
    public var dueDate: LocalDate
    public var discount: EarlyPaymentDiscount?
    /// The Odoo login that created the bill.
    public var preparerLogin: String?
}

/// A bank journal payments leave from: the currency it pays in (nil: any, booked in the company's), the company's
/// own account on it, and what it is expected to hold — its bank account's balance less the payments sent but not
/// yet on a statement.
public struct BankJournal: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var currency: CurrencyCode?
    public var accountNumber: String?
    public var bic: String?
    public var projectedBalance: Money
}
