public import Ledger

/// The demo company's employees and their expense reports (`hr.expense.sheet` with its `hr.expense` lines), as
/// Odoo's expenses app would give them; generated from a stream of their own, outside the ledger.
public struct DemoExpenses: Sendable, Codable, Hashable {
    public var employees: [DemoEmployee]
    public var reports: [DemoExpenseReport]

    public init(employees: [DemoEmployee] = [], reports: [DemoExpenseReport] = []) {
        self.employees = employees
        self.reports = reports
    }
}

/// An employee (`hr.employee`) with the Odoo user they log in as and their private contact, which holds their bank account.
public struct DemoEmployee: Sendable, Codable, Hashable {
    public var id: Int
    public var name: String
    public var userID: Int
    public var contactID: Int
}

/// An expense report; `state` and `approverUserID` as Odoo holds them (the approver read from the tracked state change).
public struct DemoExpenseReport: Sendable, Codable, Hashable {
    public var id: Int
    public var name: String
    public var employeeID: Int
    public var state: String
    public var managerUserID: Int
    public var approverUserID: Int?
    public var expenses: [DemoExpense]
}

/// One expense: its category (a product with an internal reference), amount, day, and the checksums of its receipts.
public struct DemoExpense: Sendable, Codable, Hashable {
    public var id: Int
    public var name: String
    public var category: DemoExpenseCategory
    public var amount: Money
    public var date: LocalDate
    public var receipts: [String]
}

/// The expense categories the demo's employees claim in (Odoo's own Meals is FOOD).
public struct DemoExpenseCategory: Sendable, Codable, Hashable {
    public var productID: Int
    public var name: String
    public var code: String

    public static let meals = DemoExpenseCategory(productID: 1, name: "Meals", code: "FOOD")
    public static let transport = DemoExpenseCategory(productID: 2, name: "Transport", code: "TRANS")
    public static let lodging = DemoExpenseCategory(productID: 3, name: "Accommodation", code: "HOTEL")
    public static let travel = DemoExpenseCategory(productID: 4, name: "Travel", code: "TRAVEL")
}
