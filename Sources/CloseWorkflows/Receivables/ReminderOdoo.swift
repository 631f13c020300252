import CloseSettings
import CloseStore
import Ledger
import Markup
import OdooLedger
import Receivables

/// The reminders' side in Odoo: what is settled there since the pull, the collector's To-Do with the
/// draft on the customer, and the approved reminder sent from the customer's chatter. Each is found again
/// by the reminder's marker first, so a retry leaves one To-Do and sends one message.
struct ReminderOdoo {
    let collections: OdooCollections
    let store: AppDatabase
    /// Whether the operating mode lets Closer write; reading is always allowed.
    let writes: Bool

    init(settings: OdooSettings, sourceKey: SourceKey, store: AppDatabase, actor: String) throws {
        let source = try OdooGateway.source(settings, writingTo: sourceKey, what: "the reminders' invoices", action: "draft or send reminders")
        collections = OdooCollections(client: source.client)
        self.store = store
        writes = settings.mode != .audit
    }

    static func marker(_ id: Int64) -> String { "[closer:reminder:\(id)]" }

    /// Invoices Odoo shows paid, in payment, reversed or no longer posted.
    func settledSincePull(_ invoiceIDs: [Int]) async throws -> [Int: ReminderExclusion] {
        var settled: [Int: ReminderExclusion] = [:]
        for (id, state) in try await collections.invoiceStates(invoiceIDs) where !state.isOpen || !["not_paid", "partial"].contains(state.paymentState) {
            settled[id] = .settledInOdoo(paymentState: state.paymentState)
        }
        return settled
    }

    /// A To-Do on each drafted reminder's customer for the collector (else the customer's salesperson), holding the draft.
    func leaveToDos(for reminders: [CollectionReminder], collectorLogin: String?, asOf: LocalDate) async throws -> [CollectionReminder] {
        var collector: Int?
        if let collectorLogin { collector = try await collections.chatter.internalUser(login: collectorLogin) }
        let contacts = try await collections.contacts(reminders.filter { $0.odooActivityID == nil }.map(\.draft.customerID))
        var updated = reminders
        for index in updated.indices where updated[index].status == .drafted && updated[index].odooActivityID == nil {
            let reminder = updated[index]
            let thread = try await collections.customerThread(Self.customer(reminder))
            let marker = Self.marker(reminder.id)
            let activity: Int
            if let earlier = try await collections.chatter.activity(containing: marker, on: thread) {
                activity = earlier
            } else {
                let level = reminder.draft.level
                activity = try await collections.chatter.scheduleToDo(
                    on: thread, summary: "Review payment reminder (level \(level.level), \(level.channel.rawValue))",
                    note: HTML(lines: reminder.letter + "\n\nApprove or reject it in Closer (reminder \(reminder.id)). " + marker).markup,
                    deadline: asOf, assignee: collector ?? contacts[reminder.draft.customerID]?.salespersonID)
            }
            try store.setReminderActivity(reminder.id, activityID: activity)
            updated[index].odooActivityID = activity
        }
        return updated
    }

    /// Refuses to send what Odoo shows paid since the draft, or to a customer without an email address.
    func checkSendable(_ reminder: CollectionReminder) async throws {
        let settled = try await settledSincePull(reminder.draft.items.map(\.invoiceID))
        if !settled.isEmpty {
            throw ReminderError.settledSinceDraft(invoices: reminder.draft.items.filter { settled[$0.invoiceID] != nil }.map(\.name))
        }
        guard try await collections.contacts([reminder.draft.customerID])[reminder.draft.customerID]?.email != nil else {
            throw ReminderError.noEmail(customer: reminder.draft.customerName)
        }
    }

    /// Finishes an approved reminder whose sending did not complete: one that got through before its answer was lost is
    /// only recorded; otherwise it is checked (`checkSendable`) and sent.
    func deliver(_ reminder: CollectionReminder, as actor: String) async throws -> CollectionReminder {
        let thread = try await collections.customerThread(Self.customer(reminder))
        if try await collections.chatter.message(containing: Self.marker(reminder.id), on: thread) == nil { try await checkSendable(reminder) }
        return try await send(reminder, as: actor)
    }

    /// Sends the reminder by email from the customer's chatter and closes the collector's To-Do; `checkSendable` first.
    /// Recorded as sent only once both are done, so a run cut short is finished by approving again (`deliver`).
    func send(_ reminder: CollectionReminder, as actor: String) async throws -> CollectionReminder {
        let subject = "Payment reminder: \(reminder.draft.total) overdue"
        let message = try await collections.send(reminder.letter, subject: subject, marker: Self.marker(reminder.id), to: Self.customer(reminder))
        if let activity = reminder.odooActivityID { try await collections.closeActivity(activity, feedback: "Sent by email by Closer (\(actor)).") }
        return try store.markReminderSent(reminder.id, messageID: message, actor: actor)
    }

    static func customer(_ reminder: CollectionReminder) -> RecordRef {
        RecordRef(model: "res.partner", id: reminder.draft.customerID, name: reminder.draft.customerName)
    }
}
