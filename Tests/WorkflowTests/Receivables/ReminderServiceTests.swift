import BankMatching
import CloseSettings
import CloseStore
import CloseWorkflows
import DemoCompany
import Governance
import Ledger
import Receivables
import Testing

/// Reminders drafted from a pulled ledger (the demo, no Odoo): one per customer with overdue invoices,
/// a rerun changes nothing, a dispute or a promise takes its invoices out and supersedes the draft, a payment
/// waiting on the bank statement stops the invoice's reminder, and only a controller approves a level the
/// controller signs.
@Suite struct ReminderServiceTests {
    static func pulledDemo() async throws -> (AppDatabase, SourceKey, LocalDate) {
        let book = DemoCompany.generate(DemoOptions(targetLines: 3_000))
        let store = try AppDatabase.inMemory()
        let key: SourceKey = "demo:collections"
        _ = try await PullService(store: store, actor: "test").pull(from: DemoLedgerSource(book: book), sourceKey: key, period: book.groundTruth.period,
                                                                    historyMonths: 12, progress: { _, _ in })
        return (store, key, book.groundTruth.period.end)
    }

    static func service(_ store: AppDatabase, actor: String = "colin") -> ReminderService {
        ReminderService(store: store, rules: RuleSet.builtIn.receivables, matchRules: RuleSet.builtIn.matching, actor: actor, settings: nil)
    }

    @Test func draftsAreOnePerCustomerAndARerunChangesNothing() async throws {
        let (store, key, asOf) = try await Self.pulledDemo()
        let first = try await Self.service(store).draft(sourceKey: key, asOf: asOf)
        #expect(first.new > 0 && first.new == first.reminders.count && !first.writes)
        #expect(Set(first.reminders.map(\.draft.customerID)).count == first.reminders.count, "one reminder per customer")
        let ladder = ReminderRules()
        for reminder in first.reminders {
            #expect(reminder.draft.items.allSatisfy { $0.daysOverdue > 0 && $0.open.minorUnits > 0 })
            #expect(reminder.draft.level == ladder.level(daysOverdue: reminder.draft.oldestDaysOverdue), "the level the oldest invoice reached")
            #expect(reminder.letter.contains("Total overdue: \(reminder.draft.total)"))
        }
        let listed = Set(first.reminders.flatMap { $0.draft.items.map(\.invoiceID) })
        #expect(listed.isDisjoint(with: first.skipped.map(\.invoice.id)))
        let events = try store.auditEvents().count
        let again = try await Self.service(store).draft(sourceKey: key, asOf: asOf)
        let eventsAfter = try store.auditEvents().count
        #expect(again.new == 0 && again.reminders.map(\.id) == first.reminders.map(\.id) && eventsAfter == events)
    }

    @Test func aDisputeOrAPromiseTakesInvoicesOutAndSupersedesTheDraft() async throws {
        let (store, key, asOf) = try await Self.pulledDemo()
        let first = try await Self.service(store).draft(sourceKey: key, asOf: asOf)
        let target = try #require(first.reminders.first { $0.draft.items.count >= 2 })
        let disputed = target.draft.items[0]
        let records = CollectorRecordsService(store: store, actor: "colin", settings: nil)
        _ = try await records.dispute(sourceKey: key, invoiceID: disputed.invoiceID, reason: "goods arrived damaged", ownerLogin: nil)
        await #expect(throws: CollectionsStoreError.self) {
            try await records.dispute(sourceKey: key, invoiceID: disputed.invoiceID, reason: "again", ownerLogin: nil)
        }
        let second = try await Self.service(store).draft(sourceKey: key, asOf: asOf)
        let redrafted = try #require(second.reminders.first { $0.draft.customerID == target.draft.customerID })
        #expect(redrafted.id != target.id && !redrafted.draft.items.contains { $0.invoiceID == disputed.invoiceID })
        #expect(second.skipped.contains { $0.invoice.id == disputed.invoiceID && $0.reason == .disputed(reason: "goods arrived damaged") })
        #expect(try store.reminder(id: target.id).status == .superseded)

        // A promise for everything the customer has open: no reminder until the day and grace pass.
        let promise = try records.promise(sourceKey: key, customerID: target.draft.customerID, invoiceIDs: [], promisedOn: asOf.adding(days: 10),
                                          amount: nil, note: "CFO on the phone")
        let third = try await Self.service(store).draft(sourceKey: key, asOf: asOf)
        #expect(!third.reminders.contains { $0.draft.customerID == target.draft.customerID })
        #expect(try store.reminder(id: redrafted.id).status == .superseded)
        // Past the day and the grace with nothing paid: broken, audited, and the customer is reminded one level up.
        let later = asOf.adding(days: 13)
        #expect(try store.pulledWindow(sourceKey: key)!.last >= later, "the demo's pull runs past its close period")
        let fourth = try await Self.service(store).draft(sourceKey: key, asOf: later)
        #expect(try store.promises(sourceKey: key).first { $0.id == promise.id }?.status == .broken)
        #expect(try store.auditEvents().contains { $0.action == "receivables.promise.broken" })
        let escalated = try #require(fourth.reminders.first { $0.draft.customerID == target.draft.customerID })
        let reached = ReminderRules().level(daysOverdue: escalated.draft.oldestDaysOverdue)!
        #expect(escalated.draft.level.level == min(reached.level + 1, 3) && escalated.draft.escalated == (reached.level < 3))
        #expect(throws: CollectorRecordError.self) {
            try records.promise(sourceKey: key, customerID: target.draft.customerID, invoiceIDs: [999_999], promisedOn: asOf, amount: nil, note: nil)
        }
    }

    @Test func aPaymentWaitingOnTheBankStatementStopsTheReminder() async throws {
        let (store, key, asOf) = try await Self.pulledDemo()
        let report = try await Self.service(store).draft(sourceKey: key, asOf: asOf)
        let onBank = report.skipped.filter { if case .paymentOnBankLine = $0.reason { true } else { false } }
        let snapshot = try store.loadSnapshot(sourceKey: key)
        let unreconciled = snapshot.statementLines.filter { !$0.isReconciled && $0.date <= asOf }
        #expect(!unreconciled.isEmpty, "the demo leaves statement lines to match")
        #expect(!onBank.isEmpty, "customer payments on unreconciled lines are recognised")
        for skipped in onBank {
            guard case .paymentOnBankLine(let line, _, _, let probability) = skipped.reason else { continue }
            #expect(unreconciled.contains { $0.id == line } && probability >= 0.8)
        }
        #expect(!report.reminders.contains { reminder in reminder.draft.items.contains { item in onBank.contains { $0.invoice.id == item.invoiceID } } })
    }

    @Test func theControllerSignsTheLastLevelAndARejectionNeedsAReason() async throws {
        let (store, key, asOf) = try await Self.pulledDemo()
        let report = try await Self.service(store).draft(sourceKey: key, asOf: asOf)
        let approver = CloserUser(login: "ann", name: "Ann", kind: .human, active: true, roles: [.approver])
        let controller = CloserUser(login: "cora", name: "Cora", kind: .human, active: true, roles: [.controller])
        let final = try #require(report.reminders.first { $0.draft.level.signedBy == .controller })
        await #expect(throws: ReminderError.controllerSigns(level: final.draft.level.level)) {
            try await Self.service(store).decide(id: final.id, approve: true, note: nil, by: approver)
        }
        let approved = try await Self.service(store).decide(id: final.id, approve: true, note: nil, by: controller)
        #expect(approved.status == .approved && approved.decision?.by == "cora" && approved.odooMessageID == nil, "no Odoo: approved, not sent")
        let friendly = try #require(report.reminders.first { $0.draft.level.signedBy == .collector })
        await #expect(throws: CollectionsStoreError.self) { try await Self.service(store).decide(id: friendly.id, approve: false, note: " ", by: approver) }
        let rejected = try await Self.service(store).decide(id: friendly.id, approve: false, note: "customer in administration", by: approver)
        #expect(rejected.status == .rejected)
        await #expect(throws: CollectionsStoreError.reminderNotOpen(friendly.id, status: "rejected")) {
            try await Self.service(store).decide(id: friendly.id, approve: true, note: nil, by: approver)
        }
    }
}
