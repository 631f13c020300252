public import Ledger

/// Sorts the overdue invoices into one reminder per customer at the level its most overdue invoice has
/// reached (one higher after a broken promise), leaving out what must not be chased.
public enum ReminderPlanner {
    public static func plan(open: [CustomerInvoice], asOf: LocalDate, rules: ReminderRules, exclusions: [Int: ReminderExclusion],
                            brokenPromises: Set<Int> = []) -> ReminderPlan {
        var skipped: [SkippedInvoice] = []
        var byCustomer: [Int: [CustomerInvoice]] = [:]
        for invoice in open where invoice.open.minorUnits > 0 && invoice.dueDate < asOf {
            if let reason = exclusions[invoice.id] {
                skipped.append(SkippedInvoice(invoice: invoice, reason: reason))
            } else {
                byCustomer[invoice.customerID, default: []].append(invoice)
            }
        }
        let drafts = byCustomer.compactMap { customerID, invoices -> ReminderDraft? in
            let oldest = invoices.map { $0.dueDate.days(until: asOf) }.max() ?? 0
            guard let reached = rules.level(daysOverdue: oldest) else { return nil }
            let broken = brokenPromises.contains(customerID)
            let level = broken ? rules.levels.first { $0.level == reached.level + 1 } ?? reached : reached
            let items = invoices.sorted { ($0.dueDate, $0.id) < ($1.dueDate, $1.id) }.map {
                ReminderDraft.Item(invoiceID: $0.id, name: $0.name, dueDate: $0.dueDate, daysOverdue: $0.dueDate.days(until: asOf), open: $0.open)
            }
            return ReminderDraft(customerID: customerID, customerName: invoices[0].customerName, level: level,
                                 escalated: broken && level != reached, items: items)
        }
        return ReminderPlan(drafts: drafts.sorted { ($0.level.level, $0.total.minorUnits, $0.customerID) > ($1.level.level, $1.total.minorUnits, $1.customerID) },
                            skipped: skipped.sorted { ($0.invoice.dueDate, $0.invoice.id) < ($1.invoice.dueDate, $1.invoice.id) })
    }
}
