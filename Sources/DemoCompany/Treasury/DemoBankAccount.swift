public import Ledger

/// A bank account (`res.partner.bank`) with who holds it: a vendor, a contact of one (its commercial partner is
/// the vendor), another company, or an employee's private contact.
public struct DemoBankAccount: Sendable, Codable, Hashable {
    public var id: Int
    public var partnerID: Int
    /// The company the holder belongs to (Odoo's `commercial_partner_id`): the holder itself unless it is a contact.
    public var commercialPartnerID: Int
    public var holder: String
    /// A valid IBAN, in the electronic form.
    public var number: String
    /// Trusted for outgoing payments (`allow_out_payment`).
    public var trusted: Bool
    public var isEmployee: Bool
    public var createdAt: Timestamp
    public var createdBy: String
}

/// A change of an account's details as Odoo's tracking holds it; `kind` is Treasury's `BankDetailChange.Kind` raw value.
public struct DemoBankChange: Sendable, Codable, Hashable {
    public var accountID: Int
    public var partnerID: Int
    public var kind: String
    public var at: Timestamp
    /// The Odoo login of who made it.
    public var by: String
    public var detail: String?
}

/// Someone's word, recorded in Closer, that an account was confirmed with the vendor.
public struct DemoBankVerification: Sendable, Codable, Hashable {
    public var accountID: Int
    public var by: String
    public var channel: String
    public var at: Timestamp
}
