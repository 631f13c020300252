public import DemoCompany
public import Expenses

/// The demo's expense reports as `closer expenses check` reads them from Odoo: each report with its expenses, its
/// manager and who approved it, and every expense of the period as what the reports are compared with.
public struct DemoExpenseReports: Sendable {
    public var reports: [ExpenseReport]
    public var claimed: [ExpenseClaim]

    public init(_ book: DemoBook) {
        let expenses = book.expenses
        let employees = Dictionary(expenses.employees.map { ($0.id, ExpenseEmployee(id: $0.id, name: $0.name, userID: $0.userID)) }) { first, _ in first }
        let users = Dictionary(expenses.employees.map { ($0.userID, $0.name) }) { first, _ in first }
        reports = expenses.reports.map { report in
            let employee = employees[report.employeeID] ?? ExpenseEmployee(id: report.employeeID, name: "employee \(report.employeeID)")
            let claims = report.expenses.map { expense in
                ExpenseClaim(id: expense.id, name: expense.name, employee: employee,
                             category: ExpenseCategory(productID: expense.category.productID, name: expense.category.name, code: expense.category.code,
                                                       group: "Expenses"),
                             amount: expense.amount, date: expense.date, receiptChecksums: Set(expense.receipts), reportID: report.id, reportName: report.name,
                             state: report.state == "approve" ? "approved" : "submitted")
            }
            return ExpenseReport(id: report.id, name: report.name, employee: employee, state: report.state, managerUserID: report.managerUserID,
                                 managerName: users[report.managerUserID], approverUserID: report.approverUserID,
                                 approverName: report.approverUserID.flatMap { users[$0] }, claims: claims)
        }
        claimed = reports.flatMap(\.claims)
    }

    public func findings(rules: ExpenseRules) -> [ExpenseFinding] { ExpenseReview(rules: rules).findings(on: reports, claimed: claimed) }
}
