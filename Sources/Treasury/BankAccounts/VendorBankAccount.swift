public import Ledger

/// A vendor's bank account as Odoo holds it (`res.partner.bank`): the number as entered, whether it is trusted
/// for outgoing payments (`allow_out_payment`, which only `account.group_validate_bank_account` may set), and the
/// currency it takes when it names one.
public struct VendorBankAccount: Sendable, Hashable, Codable {
    public var id: Int
    public var partnerID: Int
    public var number: String
    public var holderName: String?
    public var bic: String?
    public var trusted: Bool
    public var currency: CurrencyCode?

    public init(id: Int, partnerID: Int, number: String, holderName: String? = nil, bic: String? = nil, trusted: Bool, currency: CurrencyCode? = nil) {
        self.id = id
        self.partnerID = partnerID
        self.number = number
        self.holderName = holderName
        self.bic = bic
        self.trusted = trusted
        self.currency = currency
    }

    /// The number as banks compare it: letters and digits only, upper case (Odoo's `sanitized_acc_number`).
    public var sanitizedNumber: String { String(number.filter { $0.isLetter || $0.isNumber }).uppercased() }
}
