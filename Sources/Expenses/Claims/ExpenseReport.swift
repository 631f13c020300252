public import Ledger

/// An expense report (hr.expense.sheet) with its expenses and who stands behind its approval.
public struct ExpenseReport: Sendable, Codable, Hashable {
    public var id: Int
    public var name: String
    public var employee: ExpenseEmployee
    /// Odoo's state: draft, submit, approve, post, done or cancel.
    public var state: String
    /// The report's manager (`user_id`), who approves it and gets the To-Dos.
    public var managerUserID: Int?
    public var managerName: String?
    /// Who moved the report to Approved, read from its tracked state change; nil when that history is
    /// not readable (then Odoo's own "Approved By", the manager, stands in).
    public var approverUserID: Int?
    public var approverName: String?
    public var claims: [ExpenseClaim]

    public init(id: Int, name: String, employee: ExpenseEmployee, state: String, managerUserID: Int? = nil, managerName: String? = nil,
                approverUserID: Int? = nil, approverName: String? = nil, claims: [ExpenseClaim]) {
        self.id = id
        self.name = name
        self.employee = employee
        self.state = state
        self.managerUserID = managerUserID
        self.managerName = managerName
        self.approverUserID = approverUserID
        self.approverName = approverName
        self.claims = claims
    }

    /// Approved, posted or paid: someone approved it.
    public var isApproved: Bool { ["approve", "post", "done"].contains(state) }

    /// The expenses that count: the refused ones are out.
    public var liveClaims: [ExpenseClaim] { claims.filter { !$0.isRefused } }

    /// The report's date for periods: its earliest expense.
    public var firstDate: LocalDate? { claims.map(\.date).min() }
}
