import Foundation
import OdooRPC

/// The Expenses app (hr_expense) as the expense check reads it: an employee's report with its expenses and the
/// products that categorise them. No receipts are attached unless a test attaches them.
extension FakeOdoo {
    /// A submitted report of one expense of `cents` on `date` for a product with internal reference `code`; returns the report.
    public func expenseReport(_ company: Company, employee: String, code: String, cents: Int, date: String) -> Int {
        lock.lock(); defer { lock.unlock() }
        declare(["hr.expense", "ir.attachment"])
        if search("ir.model", [["model", "=", "hr.expense.sheet"]], limit: nil, order: nil).isEmpty {
            store("ir.model", ["model": "hr.expense.sheet", "name": "Expense Report", "is_mail_thread": true, "is_mail_activity": true])
        }
        let user = store("res.users", ["name": .string(employee), "login": .string(employee.lowercased()), "share": false, "company_id": 1])
        let person = store("hr.employee", ["name": .string(employee), "user_id": RPCValue(user), "company_id": RPCValue(company.id)])
        let product = store("product.product", ["name": .string(code.capitalized), "default_code": .string(code), "categ_id": false])
        let sheet = store("hr.expense.sheet", ["name": .string("\(employee)'s expenses"), "employee_id": RPCValue(person), "state": "submit",
                                               "user_id": RPCValue(Self.adminUID), "company_id": RPCValue(company.id)])
        store("hr.expense", ["name": .string("\(code.capitalized) on \(date)"), "employee_id": RPCValue(person), "product_id": RPCValue(product),
                             "total_amount": RPCValue(cents), "date": .string(date), "sheet_id": RPCValue(sheet), "state": "reported",
                             "company_id": RPCValue(company.id), "duplicate_expense_ids": .array([])])
        return sheet
    }
}
