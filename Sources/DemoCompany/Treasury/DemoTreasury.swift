public import Ledger

/// What the demo company's payment run reads beyond the ledger, as Odoo would give it: the posted vendor bills left
/// to pay, every bank account of the vendors (and of the contacts, other companies and employees that hold the
/// same numbers), what Odoo's tracking says happened to them, the verifications recorded in Closer, and the outgoing
/// payments already there. Generated after the ledger from a stream of its own, so nothing else in the demo moves.
public struct DemoTreasury: Sendable, Codable, Hashable {
    /// The day the demo's payment run pays, and the due date up to which it pays bills.
    public var executionDate: LocalDate
    public var payBy: LocalDate
    public var bills: [DemoPayableBill]
    public var accounts: [DemoBankAccount]
    public var changes: [DemoBankChange]
    public var verifications: [DemoBankVerification]
    public var payments: [DemoPayment]

    public init(executionDate: LocalDate, payBy: LocalDate, bills: [DemoPayableBill] = [], accounts: [DemoBankAccount] = [],
                changes: [DemoBankChange] = [], verifications: [DemoBankVerification] = [], payments: [DemoPayment] = []) {
        self.executionDate = executionDate
        self.payBy = payBy
        self.bills = bills
        self.accounts = accounts
        self.changes = changes
        self.verifications = verifications
        self.payments = payments
    }
}

/// A posted vendor bill of the ledger with something left to pay, in the company currency.
public struct DemoPayableBill: Sendable, Codable, Hashable {
    public var id: Int
    public var name: String
    public var vendorID: Int
    public var vendorName: String
    public var reference: String
    public var residual: Money
    public var dueDate: LocalDate
}

/// An outgoing payment already in the books (`account.payment`), with the bills it pays (none: unmatched).
public struct DemoPayment: Sendable, Codable, Hashable {
    public var id: Int
    public var name: String
    public var vendorID: Int
    public var amount: Money
    public var date: LocalDate
    public var posted: Bool
    public var billIDs: [Int]
}
