/// Every expense check over a set of reports: the policy's limits and receipts, duplicates, and
/// self-approval. Pure: the expenses come in as values, the findings go out as values.
public struct ExpenseReview: Sendable {
    public var rules: ExpenseRules

    public init(rules: ExpenseRules) {
        self.rules = rules
    }

    /// `claimed`: the other expenses read around the reports (same employees and dates, the same receipts),
    /// against which days are totalled and duplicates searched. Findings come per report, in the reports' order.
    public func findings(on reports: [ExpenseReport], claimed: [ExpenseClaim]) -> [ExpenseFinding] {
        let policy = ExpensePolicy(rules: rules)
        let duplicates = Dictionary(grouping: ExpenseDuplicateFinder(rules: rules).findings(on: reports, claimed: claimed), by: \.reportID)
        return reports.flatMap { report in
            policy.findings(on: report, claimed: claimed) + (duplicates[report.id] ?? []) + SelfApprovalCheck().findings(on: report)
        }
    }
}
