import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Ledger
import Receivables

extension CollectionsCommand {
    struct Reminders: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Payment reminders: list them, draft them from the overdue invoices (--draft), or approve or reject one (--approve/--reject ID).",
            discussion: """
                Drafting leaves out disputed invoices, invoices under a promise to pay, invoices a payment on the bank statement \
                (not yet reconciled) settles, and — when Odoo is configured — invoices Odoo shows paid since the pull. Outside audit \
                mode each new draft leaves the collector a To-Do on the customer in Odoo; an approved email reminder is sent from \
                the customer's chatter. Nothing is sent without approval, except level 1 in autonomous mode where the rule set allows it.
                """)
        @OptionGroup var scope: LedgerScope
        @OptionGroup var connection: ConnectionOptions
        @Flag(help: "Draft the reminders now.") var draft = false
        @Option(help: "Approve the reminder with this id (and send it by email where Closer may write).") var approve: Int64?
        @Option(help: "Reject the reminder with this id (--reason required).") var reject: Int64?
        @Option(help: "Why it is rejected, or a note on the approval.") var reason: String?
        @Option(help: "The day judged when drafting, YYYY-MM-DD (default: today, or the last day pulled when earlier).") var asOf: LocalDate?
        @Option(help: "drafted (default), approved, sent, rejected, superseded or all.") var status: String = "drafted"

        func validate() throws {
            guard [draft, approve != nil, reject != nil].filter({ $0 }).count <= 1 else {
                throw ValidationError("Give one of --draft, --approve ID or --reject ID.")
            }
            guard CollectionsCommand.statuses(status) as Set<CollectionReminder.Status>? != nil else { throw ValidationError("--status must be drafted, approved, sent, rejected, superseded or all.") }
        }

        func run() async throws {
            let (ruleSet, store, key) = try scope.open()
            let settings = try CollectionsCommand.configuredOdoo(scope.common, connection)
            if let id = approve ?? reject {
                let user = try SignedInUser().user(store, to: .approveReminders)
                let service = ReminderService(store: store, rules: ruleSet.receivables, matchRules: ruleSet.matching, actor: user.login, settings: settings)
                let decided = try await service.decide(id: id, approve: approve != nil, note: reason, by: user)
                if scope.common.json { return try Output.json(decided) }
                return print("Reminder \(decided.id) to \(decided.draft.customerName) is \(decided.status.rawValue)"
                             + (decided.status == .approved && decided.draft.level.channel == .email ? " (not sent: audit mode or no Odoo configured)." : "."))
            }
            if draft {
                let actor = try scope.common.actor(store, for: .draftReminders)
                let service = ReminderService(store: store, rules: ruleSet.receivables, matchRules: ruleSet.matching, actor: actor, settings: settings)
                let report = try await service.draft(sourceKey: key, asOf: asOf)
                if scope.common.json { return try Output.json(report) }
                print("Reminders of \(report.source) as of \(report.asOf): \(report.reminders.count) waiting (\(report.new) new), "
                      + "\(report.skipped.count) overdue invoices left out" + (report.writes ? "; To-Dos left in Odoo." : "; nothing written to Odoo."))
                for skipped in report.skipped { print("  left out \(skipped.invoice.name) (\(skipped.invoice.customerName)): \(skipped.reason.text)") }
                return Self.list(report.reminders)
            }
            let reminders = try store.reminders(sourceKey: key, statuses: CollectionsCommand.statuses(status) ?? [])
            if scope.common.json { return try Output.json(reminders) }
            Self.list(reminders)
        }

        static func list(_ reminders: [CollectionReminder]) {
            for reminder in reminders {
                let level = reminder.draft.level
                print("  [\(reminder.id)] \(reminder.status.rawValue)  level \(level.level) \(level.tone.rawValue) by \(level.channel.rawValue)"
                            + (reminder.draft.escalated ? " (escalated: broken promise)" : "")
                            + "  \(reminder.draft.customerName)  \(reminder.draft.items.count) invoices, \(reminder.draft.total)")
            }
        }
    }
}
