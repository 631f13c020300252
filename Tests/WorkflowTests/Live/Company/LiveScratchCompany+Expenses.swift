import Foundation
import Ledger
import OdooRPC
import Testing

/// Employees, their expenses with receipts, and expense reports through Odoo's own methods (the database needs `hr_expense`).
extension LiveScratchCompany {
    /// An employee whose expense reports `manager` approves.
    func employee(_ name: String, user: User?, manager: User) async throws -> Int {
        try await create("hr.employee", ["name": .string(name), "user_id": user.map { RPCValue($0.id) } ?? false, "expense_manager_id": RPCValue(manager.id),
                                         "company_id": RPCValue(id), "work_email": .string("\(name.replacingOccurrences(of: " ", with: "."))@example.test")])
    }

    /// Odoo's own expense category with this internal reference (shared by every company).
    func expenseCategory(code: String) async throws -> Int {
        try #require(try await client.search("product.product", domain: [["default_code", "=", .string(code)]], limit: 1).first, "no expense category \(code)")
    }

    /// An expense paid by the employee, with a receipt file holding `receipt` when given.
    func expense(_ name: String, _ employee: Int, _ category: Int, _ amount: String, _ date: LocalDate, receipt: String?) async throws -> Int {
        let total = try #require(WireNumber(text: amount))
        let expense = try await create("hr.expense", ["name": .string(name), "employee_id": RPCValue(employee), "product_id": RPCValue(category),
                                                      "total_amount_currency": .double(total), "date": .string(date.description), "payment_mode": "own_account",
                                                      "company_id": RPCValue(id)])
        if let receipt {
            _ = try await create("ir.attachment", ["name": .string("\(name).txt"), "res_model": "hr.expense", "res_id": RPCValue(expense),
                                                   "datas": .string(Data(receipt.utf8).base64EncodedString())])
        }
        return expense
    }

    /// A report of the expenses, submitted through Odoo's own method.
    func expenseReport(_ name: String, _ employee: Int, _ expenses: [Int]) async throws -> Int {
        let sheet = try await create("hr.expense.sheet", ["name": .string(name), "employee_id": RPCValue(employee), "company_id": RPCValue(id),
                                                          "expense_line_ids": [[6, 0, RPCValue(expenses)]]])
        try await call("hr.expense.sheet", "action_submit_sheet", [sheet])
        return sheet
    }

    /// Approves the report as `user`, through Odoo's own approval.
    func approveExpenseReport(_ sheet: Int, as user: User) async throws {
        try await acting(as: user).call("hr.expense.sheet", "action_approve_expense_sheets", [sheet])
    }

    /// Closer's notes on the reports.
    func closerNotes(on sheets: [Int]) async throws -> Int {
        try await client.searchCount("mail.message", domain: [["model", "=", "hr.expense.sheet"], ["res_id", "in", RPCValue(sheets)],
                                                              ["body", "ilike", "[closer:"]])
    }

    /// The users of Closer's To-Dos on the report, oldest first.
    func closerToDos(on sheet: Int) async throws -> [Int] {
        try await client.searchRead("mail.activity", domain: [["res_model", "=", "hr.expense.sheet"], ["res_id", "=", RPCValue(sheet)],
                                                              ["summary", "ilike", "Closer:"]], fields: ["user_id"], order: "id")
            .compactMap { $0["user_id"]?.many2one?.id }
    }
}
