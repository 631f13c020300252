import Expenses
public import Ledger
public import OdooRPC

/// Reads employees' expenses (hr_expense) for the checks: the reports of a period or the open ones, the
/// expenses around them, their receipts' checksums, and who approved each report. Read-only.
public struct OdooExpenseReader: Sendable {
    public let client: OdooClient

    public init(client: OdooClient) {
        self.client = client
    }

    /// Report states worth checking: submitted and later, refused ones left out; open ones are not paid yet.
    static let checkedStates: [RPCValue] = ["submit", "approve", "post", "done"]
    static let openStates: [RPCValue] = ["submit", "approve", "post"]

    /// The company's reports with an expense dated in `period` (nil: every open report), and the expenses within
    /// `windowDays` of theirs for totals and duplicates.
    public func reading(companyID: Int, period: Period?, windowDays: Int) async throws -> ExpenseReading {
        guard try await client.searchCount("ir.model", domain: [["model", "=", "hr.expense.sheet"]]) > 0 else {
            throw OdooError.unknownModel("hr.expense.sheet (install the Expenses app, hr_expense, to check expenses)")
        }
        let currency = try await companyCurrency(companyID)
        var domain: [RPCValue] = [["company_id", "=", RPCValue(companyID)]]
        if let period {
            domain += [["state", "in", .array(Self.checkedStates)], ["expense_line_ids.date", ">=", .string(period.start.description)],
                       ["expense_line_ids.date", "<=", .string(period.end.description)]]
        } else {
            domain.append(["state", "in", .array(Self.openStates)])
        }
        let sheets = try await client.searchRead("hr.expense.sheet", domain: domain, fields: ["name", "employee_id", "state", "user_id"])
            .map { OdooRecord(model: "hr.expense.sheet", values: $0) }
        let sheetIDs = sheets.compactMap(\.id)
        var expenses = try await expenseRecords([["sheet_id", "in", RPCValue(sheetIDs)]])
        let dates = try expenses.map { try $0.date("date") }
        let employees = Set(try expenses.map { try $0.many2oneID("employee_id") })
        if let first = dates.min(), let last = dates.max() {
            let known = Set(expenses.compactMap(\.id))
            expenses += try await expenseRecords([
                ["company_id", "=", RPCValue(companyID)], ["employee_id", "in", RPCValue(employees.sorted())], ["state", "!=", "refused"],
                ["date", ">=", .string(first.adding(days: -windowDays).description)], ["date", "<=", .string(last.adding(days: windowDays).description)],
            ]).filter { !known.contains($0.id ?? 0) }
        }
        var receipts = try await receiptChecksums(expenseIDs: expenses.compactMap(\.id))
        let sameFiles = try await expensesSharing(Set(receipts.values.flatMap { $0 }), besides: Set(expenses.compactMap(\.id)))
        if !sameFiles.isEmpty {
            receipts.merge(sameFiles) { $0.union($1) }
            // Odoo compares receipts across companies; the claims read here are this company's.
            expenses += try await expenseRecords([["id", "in", RPCValue(sameFiles.keys.sorted())], ["company_id", "=", RPCValue(companyID)]])
        }
        let people = try await employeeRecords(Set(try expenses.map { try $0.many2oneID("employee_id") }))
        let categories = try await categoryRecords(Set(expenses.compactMap { $0.optionalMany2one("product_id")?.id }))
        var claims: [ExpenseClaim] = []
        for expense in expenses {
            claims.append(try claim(expense, currency: currency, people: people, categories: categories, receipts: receipts))
        }
        let (approvers, approversKnown) = try await approvers(of: sheetIDs)
        var reports: [ExpenseReport] = []
        for sheet in sheets {
            let id = try sheet.int("id")
            let employee = try sheet.many2oneID("employee_id")
            let approver = approvers[id]
            reports.append(ExpenseReport(
                id: id, name: try sheet.string("name"), employee: people[employee] ?? ExpenseEmployee(id: employee, name: sheet.optionalMany2one("employee_id")?.name ?? "?"),
                state: try sheet.string("state"), managerUserID: sheet.optionalMany2one("user_id")?.id, managerName: sheet.optionalMany2one("user_id")?.name,
                approverUserID: approver?.id, approverName: approver?.name, claims: claims.filter { $0.reportID == id }))
        }
        let onReports = Set(sheetIDs)
        return ExpenseReading(reports: reports, claimed: claims.filter { !onReports.contains($0.reportID ?? -1) }, approversKnown: approversKnown)
    }

    private func expenseRecords(_ domain: [RPCValue]) async throws -> [OdooRecord] {
        try await client.searchRead("hr.expense", domain: domain, fields: [
            "name", "employee_id", "product_id", "total_amount", "date", "sheet_id", "state", "duplicate_expense_ids",
        ]).map { OdooRecord(model: "hr.expense", values: $0) }
    }

    private func claim(_ expense: OdooRecord, currency: Currency, people: [Int: ExpenseEmployee], categories: [Int: ExpenseCategory],
                       receipts: [Int: Set<String>]) throws -> ExpenseClaim {
        let id = try expense.int("id")
        let employee = try expense.many2oneID("employee_id")
        let product = expense.optionalMany2one("product_id")
        let sheet = expense.optionalMany2one("sheet_id")
        return ExpenseClaim(
            id: id, name: expense.optionalString("name") ?? "Expense \(id)",
            employee: people[employee] ?? ExpenseEmployee(id: employee, name: expense.optionalMany2one("employee_id")?.name ?? "?"),
            category: product.map { categories[$0.id] ?? ExpenseCategory(productID: $0.id, name: $0.name) } ?? ExpenseCategory(productID: nil, name: "no category"),
            amount: try expense.money("total_amount", in: currency), date: try expense.date("date"), receiptChecksums: receipts[id] ?? [],
            reportID: sheet?.id, reportName: sheet?.name, state: expense.optionalString("state") ?? "draft", exactDuplicateIDs: Set(expense.ids("duplicate_expense_ids")))
    }

    private func companyCurrency(_ companyID: Int) async throws -> Currency {
        guard let currency = try await client.read("res.company", ids: [companyID], fields: ["currency_id"]).first?["currency_id"]?.many2one,
              let row = try await client.read("res.currency", ids: [currency.id], fields: OdooFieldLists.currency).first else {
            throw OdooError.missingRecord("res.company \(companyID) or its currency is gone.")
        }
        return try OdooLedgerMapping.currency(OdooRecord(model: "res.currency", values: row))
    }

    /// The SHA-1 checksums of each expense's attached receipts.
    private func receiptChecksums(expenseIDs: [Int]) async throws -> [Int: Set<String>] {
        var checksums: [Int: Set<String>] = [:]
        for attachment in try await client.searchRead("ir.attachment", domain: [["res_model", "=", "hr.expense"], ["res_id", "in", RPCValue(expenseIDs)]],
                                                      fields: ["res_id", "checksum"]) {
            if let expense = attachment["res_id"]?.int, let checksum = attachment["checksum"]?.stringValue, !checksum.isEmpty {
                checksums[expense, default: []].insert(checksum)
            }
        }
        return checksums
    }

    /// Other expenses (any employee, any date) with one of these receipt files attached.
    private func expensesSharing(_ checksums: Set<String>, besides known: Set<Int>) async throws -> [Int: Set<String>] {
        guard !checksums.isEmpty else { return [:] }
        var found: [Int: Set<String>] = [:]
        for attachment in try await client.searchRead("ir.attachment", domain: [["res_model", "=", "hr.expense"], ["checksum", "in", RPCValue(checksums.sorted())]],
                                                      fields: ["res_id", "checksum"]) {
            if let expense = attachment["res_id"]?.int, !known.contains(expense), let checksum = attachment["checksum"]?.stringValue {
                found[expense, default: []].insert(checksum)
            }
        }
        return found
    }

    private func employeeRecords(_ ids: Set<Int>) async throws -> [Int: ExpenseEmployee] {
        var employees: [Int: ExpenseEmployee] = [:]
        for row in try await client.read("hr.employee", ids: ids.sorted(), fields: ["name", "user_id"]) {
            guard let id = row["id"]?.int else { continue }
            employees[id] = ExpenseEmployee(id: id, name: row["name"]?.stringValue ?? "Employee \(id)", userID: row["user_id"]?.many2one?.id)
        }
        return employees
    }

    private func categoryRecords(_ ids: Set<Int>) async throws -> [Int: ExpenseCategory] {
        var categories: [Int: ExpenseCategory] = [:]
        for row in try await client.read("product.product", ids: ids.sorted(), fields: ["name", "default_code", "categ_id"]) {
            guard let id = row["id"]?.int else { continue }
            let record = OdooRecord(model: "product.product", values: row)
            categories[id] = ExpenseCategory(productID: id, name: record.optionalString("name") ?? "Product \(id)", code: record.optionalString("default_code"),
                                             group: record.optionalMany2one("categ_id")?.name)
        }
        return categories
    }

    /// Who approved each report: the author of its latest "Approved" message (Odoo posts one, subtype
    /// hr_expense.mt_expense_approved, when the tracked state becomes Approved). False when Odoo refuses the read.
    private func approvers(of sheetIDs: [Int]) async throws -> ([Int: (id: Int, name: String)], Bool) {
        guard !sheetIDs.isEmpty else { return ([:], true) }
        do {
            let subtype = try await client.searchRead("ir.model.data", domain: [["module", "=", "hr_expense"], ["name", "=", "mt_expense_approved"]],
                                                      fields: ["res_id"], limit: 1).first?["res_id"]?.int
            guard let subtype else { return ([:], false) }
            var approvers: [Int: (id: Int, name: String)] = [:]
            for message in try await client.searchRead("mail.message", domain: [
                ["model", "=", "hr.expense.sheet"], ["res_id", "in", RPCValue(sheetIDs)], ["subtype_id", "=", RPCValue(subtype)],
            ], fields: ["res_id", "create_uid"]) {   // oldest first: the latest approval wins
                if let sheet = message["res_id"]?.int, let user = message["create_uid"]?.many2one { approvers[sheet] = (user.id, user.name) }
            }
            return (approvers, true)
        } catch OdooError.accessError {
            return ([:], false)
        }
    }
}
