public import Foundation

/// The tolerances of the order match, from the rule set's `payables.matching` section.
public struct PurchaseMatchRules: Sendable, Codable, Hashable {
    /// A bill's unit price may differ from the order's by this much per unit (in the currency) …
    public var priceToleranceAbsolute: Decimal
    /// … or by this share of the order's price, whichever is wider.
    public var priceTolerancePercent: Decimal
    /// Quantities billed beyond ordered or received by at most this much still pass (rounding of units).
    public var quantityTolerance: Decimal
    /// Bills for products of these categories must bill a purchase order.
    public var categoriesRequiringOrder: Set<String>
    /// Bills of these vendors (partner ids) must bill a purchase order.
    public var vendorsRequiringOrder: Set<Int>

    public init(priceToleranceAbsolute: Decimal = Decimal(string: "0.01")!, priceTolerancePercent: Decimal = 2, quantityTolerance: Decimal = 0,
                categoriesRequiringOrder: Set<String> = [], vendorsRequiringOrder: Set<Int> = []) {
        self.priceToleranceAbsolute = priceToleranceAbsolute
        self.priceTolerancePercent = priceTolerancePercent
        self.quantityTolerance = quantityTolerance
        self.categoriesRequiringOrder = categoriesRequiringOrder
        self.vendorsRequiringOrder = vendorsRequiringOrder
    }

    /// The widest price difference per unit that still passes for an order price of `price`.
    public func priceTolerance(at price: Decimal) -> Decimal {
        max(priceToleranceAbsolute, Swift.abs(price) * priceTolerancePercent / 100)
    }
}
