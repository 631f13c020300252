/// Who claims an expense (hr.employee), with the Odoo user they log in as: self-approval compares users.
public struct ExpenseEmployee: Sendable, Codable, Hashable {
    public var id: Int
    public var name: String
    /// `hr.employee.user_id`; nil for an employee with no login (they cannot approve anything).
    public var userID: Int?

    public init(id: Int, name: String, userID: Int? = nil) {
        self.id = id
        self.name = name
        self.userID = userID
    }
}
