import BankMatching
import CloseStore
@testable import CloseWorkflows
import Ledger
import OdooRPC
import Receivables
import Testing

/// `closer collections reminders --approve`: a customer's reminder for two overdue invoices, drafted with the
/// collector's To-Do left in Odoo, then approved. Intended: one message to the customer found by the reminder's
/// marker, the To-Do marked done, and the store's word that it was sent, with that message. A run cut short
/// leaves the reminder approved; approving again finishes it without a second message.
struct ReminderSendCase: WritePathCase {
    let reminders: [CollectionReminder]

    init(bench: FaultBench) async throws {
        let company = bench.odoo.company
        try await bench.direct.write("res.partner", ids: [company.customer], ["email": "accounts@customer.example"])
        var open: [CustomerInvoice] = []
        for index in 1...2 {
            let invoice = try await bench.odoo.invoice(cents: 45_600 * index)
            let due = LocalDate(iso: "2026-10-05")!.adding(days: index - 1)
            let amount = Money(minorUnits: Int64(45_600 * index), currency: company.currency.code)
            open.append(CustomerInvoice(id: invoice.move, name: "INV/\(invoice.move)", customerID: company.customer, customerName: "Customer",
                                        invoiceDate: due, dueDate: due, total: amount, open: amount))
        }
        let draft = try #require(ReminderPlanner.plan(open: open, asOf: bench.asOf, rules: ReminderRules(), exclusions: [:]).drafts.first)
        let letter = ReminderLetter.text(draft, signedBy: "Accounts Receivable", companyName: company.name)
        let drafted = try bench.store.recordReminderDrafts([(draft, letter)], sourceKey: bench.sourceKey, asOf: bench.asOf, actor: "preparer").open
        reminders = try await ReminderOdoo(settings: bench.settings, sourceKey: bench.sourceKey, store: bench.store, actor: "preparer")
            .leaveToDos(for: drafted, collectorLogin: nil, asOf: bench.asOf)
    }

    func run(_ bench: FaultBench) async throws {
        let ann = try bench.store.user(login: "ann")
        let service = ReminderService(store: bench.store, rules: ReceivablesRules(), matchRules: MatchRules(), actor: "ann", settings: bench.settings)
        for reminder in reminders { _ = try await service.decide(id: reminder.id, approve: true, note: nil, by: ann) }
    }

    func audit(_ bench: FaultBench, settled: Bool) async throws -> WriteAudit {
        var audit = WriteAudit(intended: reminders.count * 2)
        for reminder in reminders {
            let marker = ReminderOdoo.marker(reminder.id)
            let messages = try await bench.direct.search("mail.message", domain: [["model", "=", "res.partner"], ["body", "ilike", .string(marker)]])
            audit.expectOnce("the reminder \(marker)", count: messages.count, settled: settled)
            let activity = try #require(reminder.odooActivityID)
            let stillOpen = try await bench.direct.search("mail.activity", domain: [["id", "=", RPCValue(activity)]])
            audit.expectOnce("the To-Do \(activity) marked done", count: stillOpen.isEmpty ? 1 : 0, settled: settled)
            let stored = try bench.store.reminder(id: reminder.id)
            audit.expectStore("the reminder \(marker)", storeSaysApplied: stored.status == .sent, odooHolds: !messages.isEmpty && stillOpen.isEmpty,
                              settled: settled)
            if stored.status == .sent, stored.odooMessageID != messages.first {
                audit.storeMismatches.append("the store records message \(stored.odooMessageID.map(String.init) ?? "none") for \(marker); Odoo holds \(messages)")
            }
        }
        return audit
    }
}
