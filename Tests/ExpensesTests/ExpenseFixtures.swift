import Expenses
import Ledger

/// Small expense books for the checks: employees, categories and a helper that writes an expense in EUR.
enum ExpenseFixtures {
    static let jane = ExpenseEmployee(id: 1, name: "Jane Doe", userID: 11)
    static let omar = ExpenseEmployee(id: 2, name: "Omar Li", userID: 12)
    static let meals = ExpenseCategory(productID: 100, name: "Meals", code: "FOOD", group: "Expenses")
    static let travel = ExpenseCategory(productID: 101, name: "Travel & Accommodation", code: "TRANS & ACC", group: "Expenses")
    static let software = ExpenseCategory(productID: 102, name: "Software", code: "SOFT", group: "Expenses")

    static func day(_ day: Int, month: Int = 11) -> LocalDate { LocalDate(year: 2026, month: month, day: day)! }

    static func claim(_ id: Int, _ amount: String, on date: LocalDate, by employee: ExpenseEmployee = jane, category: ExpenseCategory = travel,
                      receipts: Set<String>? = nil, report: Int? = 50, exactDuplicates: Set<Int> = []) -> ExpenseClaim {
        ExpenseClaim(id: id, name: "Expense \(id)", employee: employee, category: category, amount: try! Money(parsing: amount, currency: CurrencyCode("EUR")!),
                     date: date, receiptChecksums: receipts ?? ["receipt-\(id)"], reportID: report, reportName: report.map { "Report \($0)" }, exactDuplicateIDs: exactDuplicates)
    }

    static func report(_ claims: [ExpenseClaim], id: Int = 50, of employee: ExpenseEmployee = jane, state: String = "submit", manager: Int? = 20,
                       approver: Int? = nil) -> ExpenseReport {
        ExpenseReport(id: id, name: "Report \(id)", employee: employee, state: state, managerUserID: manager, approverUserID: approver, claims: claims)
    }

    /// The kinds found on a report, in order.
    static func kinds(_ reports: [ExpenseReport], claimed: [ExpenseClaim] = [], rules: ExpenseRules = ExpenseRules()) -> [ExpenseFinding.Kind] {
        ExpenseReview(rules: rules).findings(on: reports, claimed: claimed).map(\.kind)
    }
}
