public import Ledger

/// One problem with an expense report: what is wrong and what the approver should do, in words, and
/// the expenses it is about.
public struct ExpenseFinding: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
        case categoryLimit = "category-limit"
        case dailyLimit = "daily-limit"
        case categoryDailyLimit = "category-daily-limit"
        case reportLimit = "report-limit"
        case missingReceipt = "missing-receipt"
        case nearDuplicate = "near-duplicate"
        case sharedReceipt = "shared-receipt"
        case selfApproval = "self-approval"
    }

    public var kind: Kind
    public var reportID: Int
    public var reportName: String
    /// The expenses (hr.expense) the finding names: the report's own first, then those compared with.
    public var expenses: [RecordRef]
    public var message: String

    public init(kind: Kind, report: ExpenseReport, expenses: [ExpenseClaim], message: String) {
        self.kind = kind
        reportID = report.id
        reportName = report.name
        self.expenses = expenses.map { RecordRef(model: "hr.expense", id: $0.id, name: $0.name) }
        self.message = message
    }
}
