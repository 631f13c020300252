public import Ledger

/// One expense (hr.expense) as the checks read it: who, what for, how much in the company's currency,
/// when, the receipts attached, and the report it is on.
public struct ExpenseClaim: Sendable, Codable, Hashable {
    public var id: Int
    /// The expense's description (`name`), e.g. "Taxi to the airport".
    public var name: String
    public var employee: ExpenseEmployee
    public var category: ExpenseCategory
    /// `total_amount`: the company-currency total, taxes included.
    public var amount: Money
    public var date: LocalDate
    /// SHA-1 checksums of the attached receipts (ir.attachment `checksum`).
    public var receiptChecksums: Set<String>
    /// The expense report (`sheet_id`), nil while the expense is on none.
    public var reportID: Int?
    public var reportName: String?
    /// Odoo's own state (draft, reported, submitted, approved, done, refused).
    public var state: String
    /// The expenses Odoo itself shows as exact duplicates of this one (`duplicate_expense_ids`: same
    /// employee, category, date and amount); Closer does not note those again.
    public var exactDuplicateIDs: Set<Int>

    public init(id: Int, name: String, employee: ExpenseEmployee, category: ExpenseCategory, amount: Money, date: LocalDate,
                receiptChecksums: Set<String> = [], reportID: Int? = nil, reportName: String? = nil, state: String = "submitted", exactDuplicateIDs: Set<Int> = []) {
        self.id = id
        self.name = name
        self.employee = employee
        self.category = category
        self.amount = amount
        self.date = date
        self.receiptChecksums = receiptChecksums
        self.reportID = reportID
        self.reportName = reportName
        self.state = state
        self.exactDuplicateIDs = exactDuplicateIDs
    }

    /// A refused expense is claimed by nobody: it counts towards no limit and duplicates nothing.
    public var isRefused: Bool { state == "refused" }

    /// Where the expense is claimed, for messages.
    public var whereClaimed: String {
        reportName.map { "on report '\($0)'" } ?? "on no report yet"
    }

    /// "'Taxi to the airport' (Travel, 45.00 EUR on 2026-11-03, Jane Doe)", for messages.
    public var label: String {
        "'\(name)' (\(category.name), \(amount) on \(date), \(employee.name))"
    }
}
