public import Ledger

/// What a payment run would pay: a group per bank journal and currency, each payment with the account it goes
/// to, and every bill left out with its reasons. Nothing is paid until a person approves it.
public struct PaymentRunProposal: Sendable, Hashable, Codable {
    public var executionDate: LocalDate
    public var payBy: LocalDate
    public var groups: [PaymentGroup]
    public var leftOut: [LeftOutBill]
    /// Bills neither due by `payBy` nor worth paying early.
    public var notDue: Int

    /// Who may not approve this run: whoever changed, verified or trusted a bank account it pays (three people
    /// for a changed account: the one who changed it, the one who verified or trusted it, the one who pays).
    public func conflicts(approver: String) -> [String] {
        groups.flatMap(\.payments).compactMap { payment in
            let involved = payment.changedBy.union(payment.verifiedBy)
            return involved.contains(approver)
                ? "\(approver) changed, verified or trusted bank account \(payment.iban) of \(payment.candidate.vendorName) (\(payment.candidate.billName))"
                : nil
        }
    }
}

/// The payments of one bank journal in one currency, in the order they would be made.
public struct PaymentGroup: Sendable, Hashable, Codable {
    public var journalID: Int
    public var journal: PaymentJournal?
    public var currency: CurrencyCode
    public var payments: [ProposedPayment]
    public var total: Money
    /// What the journal is expected to hold before and after the group (nil when no balance was given).
    public var balanceBefore: Money?
    public var balanceAfter: Money?
}

public struct ProposedPayment: Sendable, Hashable, Codable {
    public var candidate: PaymentCandidate
    /// The amount paid: what is left on the bill, or its discounted amount when paid early for the discount.
    public var amount: Money
    public var account: VendorBankAccount
    public var iban: IBAN
    public var discountTaken: Bool
    /// Who changed the account's details, and who verified or trusted them since (for the approver's conflicts).
    public var changedBy: Set<String>
    public var verifiedBy: Set<String>
}

public struct LeftOutBill: Sendable, Hashable, Codable {
    public var candidate: PaymentCandidate
    public var issues: [PreflightIssue]

    public var reason: String { issues.map(\.description).joined(separator: "; ") }
}
