import Foundation
public import Ledger

/// The policy's limits and receipts: per expense of a category, per employee and day (all categories,
/// and per category), per report, and a receipt above an amount.
public struct ExpensePolicy: Sendable {
    public var rules: ExpenseRules

    public init(rules: ExpenseRules) {
        self.rules = rules
    }

    /// The report's findings; `claimed` is every expense known around the report's dates (other reports
    /// included), so a day's total counts what the employee claimed that day on any report.
    public func findings(on report: ExpenseReport, claimed: [ExpenseClaim]) -> [ExpenseFinding] {
        let claims = report.liveClaims
        return claims.flatMap { perExpense($0, on: report) } + perDay(report, claimed: claimed) + perReport(report)
    }

    private func perExpense(_ claim: ExpenseClaim, on report: ExpenseReport) -> [ExpenseFinding] {
        var findings: [ExpenseFinding] = []
        for limit in rules.limits(for: claim.category) {
            guard let perExpense = limit.perExpense else { continue }
            let cap = ExpenseRules.money(perExpense, like: claim.amount)
            if cap < claim.amount {
                findings.append(ExpenseFinding(kind: .categoryLimit, report: report, expenses: [claim], message:
                    "Expense \(claim.label) is over the \(claim.category.name) limit of \(cap) per expense: approve it only with the reason noted, "
                    + "or refuse it and ask for a claim within the limit."))
            }
        }
        if let threshold = rules.receiptRequiredAbove, claim.receiptChecksums.isEmpty {
            let cap = ExpenseRules.money(threshold, like: claim.amount)
            if cap < claim.amount {
                findings.append(ExpenseFinding(kind: .missingReceipt, report: report, expenses: [claim], message:
                    "Expense \(claim.label) has no receipt attached, and expenses above \(cap) need one: ask \(claim.employee.name) to attach it before approving."))
            }
        }
        return findings
    }

    /// The employee's total per day, all categories and per limited category, counted on every report;
    /// a day over a limit is noted on this report when it holds expenses of that day.
    private func perDay(_ report: ExpenseReport, claimed: [ExpenseClaim]) -> [ExpenseFinding] {
        let ownDays = Set(report.liveClaims.map(\.date))
        var byID: [Int: ExpenseClaim] = [:]
        for claim in claimed + report.liveClaims where claim.employee.id == report.employee.id && !claim.isRefused && ownDays.contains(claim.date) {
            byID[claim.id] = claim
        }
        let byDay = Dictionary(grouping: byID.values, by: \.date)
        var findings: [ExpenseFinding] = []
        for day in ownDays.sorted() {
            let sameDay = (byDay[day] ?? []).sorted { $0.id < $1.id }
            if let limit = rules.perDayLimit, let finding = overDay(sameDay, limit: limit, what: "a day", kind: .dailyLimit, report: report) {
                findings.append(finding)
            }
            for limit in rules.categoryLimits {
                guard let perDay = limit.perDay else { continue }
                let inCategory = sameDay.filter { $0.category.isNamed(limit.match) }
                if let finding = overDay(inCategory, limit: perDay, what: "a day for \(inCategory.first?.category.name ?? limit.match)",
                                             kind: .categoryDailyLimit, report: report) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    private func overDay(_ claims: [ExpenseClaim], limit: Decimal, what: String, kind: ExpenseFinding.Kind, report: ExpenseReport) -> ExpenseFinding? {
        guard let first = claims.first, claims.allSatisfy({ $0.amount.currency == first.amount.currency }) else { return nil }
        let total = claims.dropFirst().reduce(first.amount) { $0 + $1.amount }
        let cap = ExpenseRules.money(limit, like: first.amount)
        guard cap < total else { return nil }
        let own = claims.filter { $0.reportID == report.id }
        let elsewhere = claims.count - own.count
        return ExpenseFinding(kind: kind, report: report, expenses: claims, message:
            "\(report.employee.name) claims \(total) for \(first.date) (\(claims.map { "'\($0.name)' \($0.amount)" }.joined(separator: ", "))"
            + (elsewhere > 0 ? ", \(elsewhere) of them on other reports" : "") + "), over the limit of \(cap) \(what): "
            + "approve only what the policy allows, or note the reason for the excess.")
    }

    private func perReport(_ report: ExpenseReport) -> [ExpenseFinding] {
        let claims = report.liveClaims
        guard let limit = rules.perReportLimit, let first = claims.first, claims.allSatisfy({ $0.amount.currency == first.amount.currency }) else { return [] }
        let total = claims.dropFirst().reduce(first.amount) { $0 + $1.amount }
        let cap = ExpenseRules.money(limit, like: first.amount)
        guard cap < total else { return [] }
        return [ExpenseFinding(kind: .reportLimit, report: report, expenses: [], message:
            "Report '\(report.name)' of \(report.employee.name) totals \(total) over \(claims.count) expense(s), over the limit of \(cap) per report (trip): "
            + "have the excess justified in writing or refuse the expenses beyond the policy.")]
    }
}
