public import Ledger

/// A posted vendor bill a payment run may pay, with what the pre-flight checks need to know about it.
public struct PaymentCandidate: Sendable, Hashable, Codable {
    public var billID: Int
    public var billName: String
    public var vendorID: Int
    public var vendorName: String
    /// The vendor's reference, the words the vendor sees on the transfer.
    public var reference: String
    /// What is left to pay, in the bill's currency.
    public var amount: Money
    public var dueDate: LocalDate
    public var discount: EarlyPaymentDiscount?
    /// The journal the run pays from, and the currency that journal allows (nil: the company's).
    public var journalID: Int
    public var journalCurrency: CurrencyCode?
    /// The approval route's verdict (`Payables`): approved, or not needed.
    public var approved: Bool
    /// Held by the payables controls (a duplicate bill, a failed purchase-order match) or blocked in Odoo.
    public var heldBecause: String?
    /// Every bank account of the vendor, and what happened to them.
    public var bankAccounts: [VendorBankAccount]
    public var bankChanges: [BankDetailChange]
    public var verifications: [BankVerification]

    public init(billID: Int, billName: String, vendorID: Int, vendorName: String, reference: String, amount: Money, dueDate: LocalDate,
                discount: EarlyPaymentDiscount? = nil, journalID: Int, journalCurrency: CurrencyCode? = nil, approved: Bool, heldBecause: String? = nil,
                bankAccounts: [VendorBankAccount], bankChanges: [BankDetailChange] = [], verifications: [BankVerification] = []) {
        self.billID = billID
        self.billName = billName
        self.vendorID = vendorID
        self.vendorName = vendorName
        self.reference = reference
        self.amount = amount
        self.dueDate = dueDate
        self.discount = discount
        self.journalID = journalID
        self.journalCurrency = journalCurrency
        self.approved = approved
        self.heldBecause = heldBecause
        self.bankAccounts = bankAccounts
        self.bankChanges = bankChanges
        self.verifications = verifications
    }
}

/// Odoo's early payment discount (a payment term's `discount_percentage` within `discount_days`): paying by
/// `until` settles the bill for `amount`.
public struct EarlyPaymentDiscount: Sendable, Hashable, Codable {
    public var until: LocalDate
    public var amount: Money

    public init(until: LocalDate, amount: Money) {
        self.until = until
        self.amount = amount
    }
}

/// A payment Odoo already holds (`account.payment`, outbound): what a new one must not repeat.
public struct ExistingPayment: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    public var vendorID: Int
    public var amount: Money
    public var date: LocalDate
    /// Draft payments are not money gone yet, but a draft beside a posted twin is one too many.
    public var posted: Bool
    /// The bills it pays (`reconciled_bill_ids`, or the bills it was registered from).
    public var billIDs: [Int]

    public init(id: Int, name: String, vendorID: Int, amount: Money, date: LocalDate, posted: Bool, billIDs: [Int]) {
        self.id = id
        self.name = name
        self.vendorID = vendorID
        self.amount = amount
        self.date = date
        self.posted = posted
        self.billIDs = billIDs
    }
}
