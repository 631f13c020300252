/// Self-approval: an approved report whose approver is the claimant's own Odoo user. Odoo lets an expense
/// administrator approve their own report, and names the employee's manager as approver without checking
/// that the manager is someone else.
public struct SelfApprovalCheck: Sendable {
    public init() {}

    public func findings(on report: ExpenseReport) -> [ExpenseFinding] {
        guard report.isApproved, let employeeUser = report.employee.userID else { return [] }
        let approver = report.approverUserID ?? report.managerUserID
        guard approver == employeeUser else { return [] }
        let how = report.approverUserID == nil ? "is named its approver (Approved By)" : "approved it"
        return [ExpenseFinding(kind: .selfApproval, report: report, expenses: [], message:
            "Report '\(report.name)' of \(report.employee.name) was approved by the claimant: \(report.employee.name)'s own user \(how). "
            + "Have another expense manager review it (reset it to submitted if it is not paid yet), and give the employee an expense manager who is someone else.")]
    }
}
