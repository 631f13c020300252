import Foundation

/// What an expense is for: Odoo's expense category is a product (`hr.expense.product_id`), with its
/// internal reference and its product category; the rule set's limits name any of the three.
public struct ExpenseCategory: Sendable, Codable, Hashable {
    public var productID: Int?
    public var name: String
    /// `default_code`, e.g. "FOOD" for Odoo's own Meals category.
    public var code: String?
    /// The product category's name, e.g. "Expenses".
    public var group: String?

    public init(productID: Int?, name: String, code: String? = nil, group: String? = nil) {
        self.productID = productID
        self.name = name
        self.code = code
        self.group = group
    }

    /// Whether a rule's `match` names this category: the internal reference, the product's name or its
    /// category's name, compared without regard to case or surrounding spaces.
    public func isNamed(_ match: String) -> Bool {
        let wanted = Self.folded(match)
        return [code, name, group].contains { $0.map(Self.folded) == wanted }
    }

    private static func folded(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
