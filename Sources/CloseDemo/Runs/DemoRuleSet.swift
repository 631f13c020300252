public import CloseSettings
import DemoCompany
import Foundation

extension RuleSet {
    /// The rules the demo company runs with: the built-in text with one company setting, orders required
    /// for the category of the products it buys, so a bill of them without an order is an exception.
    /// `closer demo` writes it beside the ground truth for `closer payables match --rules` on the pushed company.
    public static let demoText = builtInText.replacingOccurrences(
        of: "    categories_requiring_order: []", with: "    categories_requiring_order: [\(DemoPurchasing.productCategory)]")

    public static let demo: RuleSet = {
        do { return try RuleSet(origin: "demo company", bytes: Data(demoText.utf8)) } catch { fatalError("demo rule set: \(error)") }
    }()
}
