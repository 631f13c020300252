public import Expenses

/// What the expense checks read from Odoo: the reports to check, and every other expense around them.
public struct ExpenseReading: Sendable {
    public var reports: [ExpenseReport]
    /// The same employees' expenses on nearby dates, and the expenses sharing a receipt file with the reports'.
    public var claimed: [ExpenseClaim]
    /// False when Odoo did not let the connected user read who approved (the reports' chatter messages):
    /// the reports' manager then stands in for the approver.
    public var approversKnown: Bool

    public init(reports: [ExpenseReport], claimed: [ExpenseClaim], approversKnown: Bool) {
        self.reports = reports
        self.claimed = claimed
        self.approversKnown = approversKnown
    }
}
