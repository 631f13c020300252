/// A tax (account.tax): which side of the business it applies to, and its rate.
public struct Tax: Hashable, Sendable, Codable, Identifiable {
    public var id: Int
    public var name: String
    /// Odoo's type_tax_use: sale, purchase or none.
    public var scope: TaxScope
    /// Percent rate as exact text from Odoo, e.g. "10.0", kept in basis points (10 % = 1000).
    public var rateBasisPoints: Int

    public init(id: Int, name: String, scope: TaxScope, rateBasisPoints: Int) {
        self.id = id
        self.name = name
        self.scope = scope
        self.rateBasisPoints = rateBasisPoints
    }
}

public struct TaxScope: OdooSelection {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let sale: Self = "sale"
    public static let purchase: Self = "purchase"
    public static let none: Self = "none"
}
