public import BankMatching
public import CloseSettings
public import CloseStore
public import Governance
public import Ledger
import OdooLedger
public import Receivables

/// Reminders: drafts one per customer from the overdue invoices of a pulled ledger (the rule set's ladder),
/// leaving out what must not be chased; stores them for a collector; outside audit mode leaves the
/// collector a To-Do with the draft on the customer in Odoo. Nothing is sent without a person's approval,
/// except level 1 in autonomous mode where the rule set allows it.
public struct ReminderService: Sendable {
    public var store: AppDatabase
    public var rules: ReceivablesRules
    public var matchRules: MatchRules
    public var actor: String
    /// The Odoo the ledger was pulled from: checked live before drafting and sending; nil works from the store alone.
    public var settings: OdooSettings?

    public init(store: AppDatabase, rules: ReceivablesRules, matchRules: MatchRules, actor: String, settings: OdooSettings?) {
        self.store = store
        self.rules = rules
        self.matchRules = matchRules
        self.actor = actor
        self.settings = settings
    }

    public func draft(sourceKey: SourceKey, asOf: LocalDate? = nil) async throws -> ReminderDraftReport {
        let ledger = try CollectionsLedger(store: store, sourceKey: sourceKey, asOf: asOf)
        let promises = try PromiseReview(store: store, rules: rules.promises, actor: actor).review(ledger)
        let exclusions = ReminderExclusions.find(in: ledger, disputes: try store.disputes(sourceKey: sourceKey, statuses: [.open]), promises: promises,
                                                 rules: rules, matchRules: matchRules)
        let broken = Set(promises.filter { $0.status == .broken && !ledger.openInvoices(customerID: $0.customerID, ids: $0.invoiceIDs).isEmpty }.map(\.customerID))
        var plan = ReminderPlanner.plan(open: ledger.book.open, asOf: ledger.asOf, rules: rules.reminders, exclusions: exclusions, brokenPromises: broken)
        let odoo = try settings.map { try ReminderOdoo(settings: $0, sourceKey: sourceKey, store: store, actor: actor) }
        if let odoo {
            // The pull may be older than a payment: what Odoo shows settled now is left out too.
            let settled = try await odoo.settledSincePull(plan.drafts.flatMap { $0.items.map(\.invoiceID) })
            if !settled.isEmpty {
                plan = ReminderPlanner.plan(open: ledger.book.open, asOf: ledger.asOf, rules: rules.reminders,
                                            exclusions: exclusions.merging(settled) { first, _ in first }, brokenPromises: broken)
            }
        }
        let company = ledger.snapshot.company.name
        let letters = plan.drafts.map { ($0, ReminderLetter.text($0, signedBy: Self.signature($0.level.signedBy), companyName: company)) }
        let (open, new) = try store.recordReminderDrafts(letters, sourceKey: sourceKey, asOf: ledger.asOf, actor: actor)
        var report = ReminderDraftReport(source: sourceKey, asOf: ledger.asOf, reminders: open, new: new.count, skipped: plan.skipped,
                                         writes: odoo?.writes ?? false)
        if let odoo, odoo.writes {
            report.reminders = try await odoo.leaveToDos(for: open, collectorLogin: rules.reminders.collectorLogin, asOf: ledger.asOf)
            if settings?.mode == .autonomous {
                for index in report.reminders.indices where report.reminders[index].mayBeSentByRule {
                    // One customer without an email (or paid meanwhile) keeps its draft for a person; the others still go.
                    do { try await odoo.checkSendable(report.reminders[index]) } catch is ReminderError { continue }
                    report.reminders[index] = try await odoo.send(report.reminders[index], as: "closer (autonomous_send, level 1)")
                }
            }
        }
        return report
    }

    /// A collector's decision. An approved email reminder is sent at once where Closer may write (the invoices
    /// checked still open and the customer's email known first); a letter or a call is the collector's to make.
    /// Approving again a reminder approved but not sent (Odoo did not answer, or audit mode then) sends it now.
    public func decide(id: Int64, approve: Bool, note: String?, by user: CloserUser) async throws -> CollectionReminder {
        let reminder = try store.reminder(id: id)
        let unsent = reminder.status == .approved && reminder.draft.level.channel == .email
        guard reminder.status == .drafted || (approve && unsent) else {
            throw CollectionsStoreError.reminderNotOpen(id, status: reminder.status.rawValue)
        }
        if approve && reminder.draft.level.signedBy == .controller && !user.roles.contains(.controller) {
            throw ReminderError.controllerSigns(level: reminder.draft.level.level)
        }
        let odoo = try settings.map { try ReminderOdoo(settings: $0, sourceKey: reminder.sourceKey, store: store, actor: user.login) }
        if unsent {
            guard let odoo, odoo.writes else { return reminder }
            return try await odoo.deliver(reminder, as: user.login)
        }
        let sends = approve && reminder.draft.level.channel == .email && odoo?.writes == true
        if sends, let odoo { try await odoo.checkSendable(reminder) }
        let decided = try store.decideReminder(id, approve: approve, note: note, actor: user.login)
        guard let odoo, odoo.writes else { return decided }
        if sends { return try await odoo.send(decided, as: user.login) }
        if !approve, let activity = decided.odooActivityID { try await odoo.collections.closeActivity(activity, feedback: "Rejected in Closer: \(note ?? "")") }
        return decided
    }

    /// "Accounts Receivable" or "Financial Controller": the reminder is signed in the role's name.
    static func signature(_ signer: ReminderSigner) -> String {
        switch signer {
        case .collector: "Accounts Receivable"
        case .controller: "Financial Controller"
        }
    }
}

/// What one drafting pass left: the ledger's open reminders (new and unchanged), and the invoices left out.
public struct ReminderDraftReport: Sendable, Codable {
    public var source: SourceKey
    public var asOf: LocalDate
    public var reminders: [CollectionReminder]
    public var new: Int
    public var skipped: [SkippedInvoice]
    /// Whether Closer wrote to Odoo (To-Dos, autonomous sending); false in audit mode or without a connection.
    public var writes: Bool
}

extension CollectionReminder {
    /// Level 1 by email where the rule set lets autonomous mode send it, still a draft.
    var mayBeSentByRule: Bool {
        status == .drafted && draft.level.level == 1 && draft.level.autonomousSend && draft.level.channel == .email
    }
}
