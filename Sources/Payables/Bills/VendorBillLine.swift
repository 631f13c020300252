public import Foundation

/// A product or service line of a bill (account.move.line with display_type "product").
public struct VendorBillLine: Sendable, Codable, Hashable {
    public var id: Int
    public var label: String
    /// In the bill line's unit of measure, exact as Odoo wrote it.
    public var quantity: Decimal
    /// Per unit, in the bill's currency, before the discount.
    public var unitPrice: Decimal
    public var discountPercent: Decimal
    /// The purchase order line it bills (`purchase_line_id`), if any.
    public var purchaseLineID: Int?
    /// The product's category, for rules that require an order for some categories.
    public var productCategory: String?

    public init(id: Int, label: String, quantity: Decimal, unitPrice: Decimal, discountPercent: Decimal = 0, purchaseLineID: Int? = nil,
                productCategory: String? = nil) {
        self.id = id
        self.label = label
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discountPercent = discountPercent
        self.purchaseLineID = purchaseLineID
        self.productCategory = productCategory
    }

    public var netUnitPrice: Decimal { discountPercent == 0 ? unitPrice : unitPrice * (100 - discountPercent) / 100 }
}
