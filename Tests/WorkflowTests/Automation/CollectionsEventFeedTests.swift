@testable import Automation
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Ledger
import Receivables
import Testing

/// Reminders and promises as outgoing events: a draft still waiting is announced as `reminder.ready` once (one
/// decided before the feed ran is not), and a broken promise as `promise.broken` once (a kept one is not).
@Suite struct CollectionsEventFeedTests {
    @Test func waitingRemindersAndBrokenPromisesAreAnnouncedOnce() async throws {
        let (store, key, asOf) = try await ReminderServiceTests.pulledDemo()
        let reminders = try await ReminderServiceTests.service(store).draft(sourceKey: key, asOf: asOf).reminders
        let decided = try #require(reminders.first { $0.draft.level.signedBy == .collector })
        let collector = CloserUser(login: "ann", name: "Ann", kind: .human, active: true, roles: [.approver])
        _ = try await ReminderServiceTests.service(store).decide(id: decided.id, approve: false, note: "customer in administration", by: collector)
        let customers = Array(Set(reminders.map(\.draft.customerID)).sorted().prefix(2))
        let promises = try customers.map { customer in
            try store.recordPromise(sourceKey: key, customerID: customer, customerName: "Customer \(customer)", invoiceIDs: [], promisedOn: asOf,
                                    amount: Money(minorUnits: 10_000, currency: .eur), openAtRecording: Money(minorUnits: 50_000, currency: .eur),
                                    note: "on the phone", actor: "colin")
        }
        let broken = try store.resolvePromise(promises[0].id, as: .broken, actor: "closer-agent")
        _ = try store.resolvePromise(promises[1].id, as: .kept, actor: "closer-agent")

        let feed = WebhookEventFeed(store: store)
        let events = try feed.events(asOf: asOf).events
        let ready = events.filter { $0.type == .reminderReady }
        #expect(Set(ready.compactMap { $0.details["reminder"].flatMap(Int64.init) }) == Set(reminders.map(\.id)).subtracting([decided.id]))
        let announced = try #require(ready.first { $0.details["reminder"] == String(reminders[0].id) })
        #expect(announced.details["customer"] == reminders[0].draft.customerName && announced.details["total"] == reminders[0].draft.total.decimalText
                && announced.details["signedBy"] == reminders[0].draft.level.signedBy.rawValue && announced.source == key)
        let brokenEvents = events.filter { $0.type == .promiseBroken }
        #expect(brokenEvents.count == 1 && brokenEvents[0].details["amount"] == "100.00" && brokenEvents[0].details["customerID"] == String(broken.customerID))

        let target = WebhookTarget(url: URL(string: "https://n8n.example.com/webhook/ar")!, events: [.reminderReady, .promiseBroken])
        #expect(try feed.enqueue(for: [target], asOf: asOf) == ready.count + 1)
        #expect(try feed.enqueue(for: [target], asOf: asOf) == 0)
    }
}
