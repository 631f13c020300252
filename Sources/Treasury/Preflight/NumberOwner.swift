/// Who holds an account number: a partner, or an employee (whose salary account a vendor should never share), with
/// the commercial partner it belongs to — two contacts of one company sharing the company's account is no warning sign.
public struct NumberOwner: Sendable, Hashable, Codable {
    public var partnerID: Int
    /// The company the partner is a contact of (Odoo's `commercial_partner_id`; the partner itself when it is one).
    public var commercialPartnerID: Int
    public var name: String
    public var isEmployee: Bool

    public init(partnerID: Int, commercialPartnerID: Int, name: String, isEmployee: Bool) {
        self.partnerID = partnerID
        self.commercialPartnerID = commercialPartnerID
        self.name = name
        self.isEmployee = isEmployee
    }

    /// Whether this holder makes paying `vendorID` (a commercial partner) to the number suspicious: another company, or an employee.
    public func isStranger(to vendorID: Int) -> Bool {
        partnerID != vendorID && (isEmployee || commercialPartnerID != vendorID)
    }
}
