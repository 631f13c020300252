public import Ledger

/// The families Odoo's account types belong to (the prefix of `account_type`), which the balance sheet
/// and the profit and loss group accounts by.
public enum AccountFamily: String, Sendable, Codable, CaseIterable {
    case asset, liability, equity, income, expense

    /// Nil for off-balance accounts and types Closer does not know: they belong on neither statement.
    public init?(_ type: AccountType) {
        guard let family = Self.allCases.first(where: { type.rawValue.hasPrefix($0.rawValue) }) else { return nil }
        self = family
    }

    public var title: String {
        switch self {
        case .asset: "Assets"
        case .liability: "Liabilities"
        case .equity: "Equity"
        case .income: "Income"
        case .expense: "Expenses"
        }
    }
}
