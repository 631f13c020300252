public import DemoCompany
public import Expenses

extension ControlScore {
    /// `findings`: the expense review of the demo's reports, as kinds `expense-` and the finding's kind; a finding
    /// flags the expenses it names, or its report when it names none (a report's total, its approval).
    public static func score(_ findings: [ExpenseFinding], against truth: GroundTruth) -> [ControlScore] {
        var flagged: [String: Set<Set<Key>>] = [:]
        for finding in findings {
            let records = finding.expenses.isEmpty ? Set([Key("hr.expense.sheet", finding.reportID)]) : Set(finding.expenses.map(Key.init))
            flagged["expense-" + finding.kind.rawValue, default: []].insert(records)
        }
        return score(flagged: flagged, kinds: GroundTruth.expenseKinds, lookAlikes: truth.lookAlikes(of: GroundTruth.expenseLookAlikeKinds), against: truth)
    }
}
