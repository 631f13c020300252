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

/// Something that happened to a bank account, from Odoo's tracking (`mail.tracking.value`) or its creation.
public struct BankDetailChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        case created, numberChanged = "number-changed", holderChanged = "holder-changed", trusted, untrusted
    }

    public var accountID: Int
    public var kind: Kind
    public var at: Timestamp
    /// The Odoo login of who made it.
    public var by: String

    public init(accountID: Int, kind: Kind, at: Timestamp, by: String) {
        self.accountID = accountID
        self.kind = kind
        self.at = at
        self.by = by
    }

    /// Whether the change alters where money goes (trusting an account does not, but needs its own second person).
    public var altersDestination: Bool { kind == .created || kind == .numberChanged || kind == .holderChanged }
}

/// A person's word, recorded in Closer, that a bank account's details were confirmed with the vendor — how,
/// and when. A call to a number taken from an earlier record, not from the change request, is what counts.
public struct BankVerification: Sendable, Hashable, Codable {
    public var accountID: Int
    public var by: String
    public var channel: String
    public var at: Timestamp

    public init(accountID: Int, by: String, channel: String, at: Timestamp) {
        self.accountID = accountID
        self.by = by
        self.channel = channel
        self.at = at
    }
}
