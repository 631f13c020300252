public import Ledger

/// The `receivables.credit` rules applied to a customer: over its credit limit on exposure (receivable plus
/// confirmed orders not yet invoiced), or seriously overdue. A customer without a limit is judged only on
/// the overdue rule.
public struct CreditPolicy: Sendable {
    public var rules: CreditRules

    public init(rules: CreditRules) { self.rules = rules }

    public func judge(_ credit: CustomerCredit, asOf: LocalDate) -> CreditVerdict {
        let exposure = credit.exposure
        let late = credit.openItems.filter { $0.amount.minorUnits > 0 && $0.dueDate.days(until: asOf) > rules.seriouslyOverdueDays }
        let lateTotal = late.reduce(exposure.zero) { $0 + $1.amount }
        let seriouslyOverdue = min(lateTotal, max(credit.receivable, exposure.zero))
        let overLimit = credit.limit.map { exposure > $0 } ?? false
        let overdueBreaks = seriouslyOverdue.minorUnits > 0 && seriouslyOverdue >= minimum(like: exposure)

        let owes = "owes \(exposure)" + (credit.uninvoicedOrders.isZero ? ""
            : " (\(credit.receivable) receivable and \(credit.uninvoicedOrders) on confirmed orders not yet invoiced)")
        let limitText = credit.limit.map { "\(owes) against a limit of \($0)" } ?? "\(owes) (no credit limit)"
        let overdueText = seriouslyOverdue.isZero ? "nothing more than \(rules.seriouslyOverdueDays) days overdue"
            : "\(seriouslyOverdue) more than \(rules.seriouslyOverdueDays) days overdue"
        var reasons: [String] = []
        if overLimit { reasons.append(limitText) }
        if overdueBreaks { reasons.append(overdueText) }
        return CreditVerdict(credit: credit, asOf: asOf, seriouslyOverdue: seriouslyOverdue, overLimit: overLimit, reasons: reasons,
                             standing: "\(limitText); \(overdueText)")
    }

    /// What to do about the customer given the status of its open hold (nil: none).
    public func step(_ verdict: CreditVerdict, openHold: CreditHoldStatus?) -> CreditStep {
        switch (verdict.withinPolicy, openHold) {
        case (false, nil): .propose
        case (true, .applied): rules.releaseAutomatically ? .release : .none
        // A hold not yet in Odoo is withdrawn as soon as it is no longer needed: nothing to undo there.
        case (true, .proposed), (true, .approved): .release
        default: .none
        }
    }

    /// `seriously_overdue_minimum` (whole units) in the company's currency.
    private func minimum(like amount: Money) -> Money {
        var units = Int64(rules.seriouslyOverdueMinimum)
        for _ in 0..<amount.scale { units *= 10 }
        return Money(minorUnits: units, currency: amount.currency, scale: amount.scale)
    }
}
