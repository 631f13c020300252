import Ledger

/// Expenses claimed twice: the same receipt file on two expenses (two employees, or one employee twice),
/// and near-duplicates — one employee, one category, amounts alike and dates close, not both receipted — that
/// Odoo's exact duplicate check misses. Different employees with their own receipts (a team dinner) are never a
/// pair; neither are alike amounts further apart than the window (a monthly subscription).
public struct ExpenseDuplicateFinder: Sendable {
    public var rules: ExpenseRules

    public init(rules: ExpenseRules) {
        self.rules = rules
    }

    /// The pairs involving the reports' expenses, among `claimed` (every expense read around them). Each pair
    /// is reported once: on the later expense's report when that report is checked, else on the earlier's.
    public func findings(on reports: [ExpenseReport], claimed: [ExpenseClaim]) -> [ExpenseFinding] {
        let checked = Set(reports.map(\.id))
        var known: [Int: ExpenseClaim] = [:]
        for claim in claimed + reports.flatMap(\.claims) where !claim.isRefused { known[claim.id] = claim }
        let others = known.values.sorted { $0.id < $1.id }
        var findings: [ExpenseFinding] = []
        for report in reports {
            for claim in report.liveClaims {
                // The later expense's report speaks for the pair; the earlier one's only when the later is not checked.
                for other in others where other.id != claim.id && (claim.id > other.id || !checked.contains(other.reportID ?? -1)) {
                    if let finding = finding(claim, other, on: report) { findings.append(finding) }
                }
            }
        }
        return findings
    }

    private func finding(_ claim: ExpenseClaim, _ other: ExpenseClaim, on report: ExpenseReport) -> ExpenseFinding? {
        if !claim.receiptChecksums.isDisjoint(with: other.receiptChecksums) {
            let who = claim.employee.id == other.employee.id ? "twice by \(claim.employee.name)" : "by \(claim.employee.name) and \(other.employee.name)"
            return ExpenseFinding(kind: .sharedReceipt, report: report, expenses: [claim, other], message:
                "Expense \(claim.label) carries the same receipt file as expense \(other.label) \(other.whereClaimed): one receipt claimed \(who). "
                + "Refuse the copy, or ask for the receipt that belongs to it, before approving.")
        }
        guard isNearDuplicate(claim, other) else { return nil }
        let days = Swift.abs(claim.date.days(until: other.date))
        return ExpenseFinding(kind: .nearDuplicate, report: report, expenses: [claim, other], message:
            "Expense \(claim.label) looks like a second claim of expense \(other.label) \(other.whereClaimed): same employee and category, "
            + "amounts within \(rules.duplicateAmountTolerancePercent)%, \(days == 0 ? "the same day" : "\(days) day(s) apart"). "
            + "Check with \(claim.employee.name) that it is not the same cost claimed twice; refuse the copy if it is.")
    }

    /// One employee, one category, amounts alike, dates within the window — and not a pair Odoo already
    /// shows as an exact duplicate on the expense itself. Two days each with its own receipt are two
    /// purchases (a hotel's nights at one rate), not one claimed twice.
    func isNearDuplicate(_ claim: ExpenseClaim, _ other: ExpenseClaim) -> Bool {
        let twoReceipted = !claim.receiptChecksums.isEmpty && !other.receiptChecksums.isEmpty && claim.date != other.date
        return !twoReceipted && claim.employee.id == other.employee.id
            && claim.category.productID == other.category.productID && claim.category.name == other.category.name
            && Swift.abs(claim.date.days(until: other.date)) <= rules.duplicateWindowDays
            && rules.amountsAlike(claim.amount, other.amount)
            && !claim.exactDuplicateIDs.contains(other.id) && !other.exactDuplicateIDs.contains(claim.id)
    }
}
