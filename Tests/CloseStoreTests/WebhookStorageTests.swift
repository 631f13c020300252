import CloseStore
import Foundation
import Governance
import Testing
import Ledger

/// Outgoing webhook deliveries and scheduled-run history as the store keeps them.
@Suite struct WebhookStorageTests {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)
    static let n8n = WebhookTarget(url: URL(string: "https://n8n.example.com/webhook/closer")!, events: [.findingOpened, .periodLocked])
    static let chat = WebhookTarget(url: URL(string: "https://chat.example.com/hook")!, events: [.periodLocked])

    static func event(_ key: String, _ type: WebhookEventType = .findingOpened) -> WebhookEvent {
        WebhookEvent(key: key, type: type, source: "demo", period: "2026-10", occurredAt: "2026-11-02T00:00:00.000Z", details: ["check": "x"])
    }

    @Test func anEventIsEnqueuedOncePerSubscribedTargetAndTheCursorNeverMovesBack() throws {
        let store = try AppDatabase.inMemory()
        let events = [Self.event("a"), Self.event("b", .periodLocked)]
        #expect(try store.enqueueWebhookEvents(events, targets: [Self.n8n, Self.chat], feedCursor: 7, at: Self.start) == 3)
        #expect(try store.enqueueWebhookEvents(events, targets: [Self.n8n, Self.chat], feedCursor: 5, at: Self.start) == 0)
        #expect(try store.webhookFeedCursor() == 7)
        let deliveries = try store.webhookDeliveries()
        #expect(deliveries.count == 3 && deliveries.allSatisfy { $0.status == .pending && $0.attempts == 0 })
        #expect(deliveries.filter { $0.targetURL == Self.chat.url.absoluteString }.map(\.eventKey) == ["b"])
        #expect(deliveries.first { $0.eventKey == "a" }?.payload == Self.event("a").body)
    }

    @Test func aFailedDeliveryWaitsForItsRetryThenDiesAndOnlyAnAdminRequeuesIt() throws {
        let store = try AppDatabase.inMemory()
        try store.enqueueWebhookEvents([Self.event("a")], targets: [Self.n8n], at: Self.start)
        let id = try #require(store.dueWebhookDeliveries(at: Self.start).first).id
        let retry = Self.start.addingTimeInterval(60)
        let failed = try store.recordDeliveryAttempt(id: id, outcome: .failed(error: "HTTP 503 from n8n.example.com", retryAt: retry),
                                                     actor: "closer-agent", at: Self.start)
        #expect(failed.status == .pending && failed.attempts == 1 && failed.lastError == "HTTP 503 from n8n.example.com")
        #expect(try store.dueWebhookDeliveries(at: retry.addingTimeInterval(-1)).isEmpty)
        #expect(try store.dueWebhookDeliveries(at: retry).map(\.id) == [id])
        let dead = try store.recordDeliveryAttempt(id: id, outcome: .failed(error: "HTTP 503 from n8n.example.com", retryAt: nil),
                                                   actor: "closer-agent", at: retry)
        #expect(dead.status == .dead && dead.attempts == 2)
        #expect(try store.deadLetters().map(\.id) == [id])
        #expect(try store.dueWebhookDeliveries(at: retry.addingTimeInterval(86_400)).isEmpty)
        #expect(try store.auditEvents().last?.action == "webhook.dead")

        _ = try store.addUser(login: "ann", name: "Ann", roles: [.controller], odooUserID: nil, actor: "test")
        _ = try store.addUser(login: "bob", name: "Bob", roles: [.approver], odooUserID: nil, actor: "ann")
        #expect(throws: UserError.adminRequired(actor: "bob")) { try store.requeueDeadLetter(id: id, actor: "bob") }
        let requeued = try store.requeueDeadLetter(id: id, actor: "ann", at: retry)
        #expect(requeued.status == .pending && requeued.attempts == 0)
        #expect(try store.deadLetters().isEmpty)
        #expect(try store.auditEvents().last?.action == "webhook.requeued")
        #expect(throws: WebhookDeliveryError.notDead(id, status: .pending)) { try store.requeueDeadLetter(id: id, actor: "ann") }
        let delivered = try store.recordDeliveryAttempt(id: id, outcome: .delivered, actor: "closer-agent", at: retry)
        #expect(delivered.status == .delivered && delivered.deliveredAt != nil && delivered.lastError == nil)
    }

    @Test func aScheduleSlotIsRecordedOnceAndARunLeftRunningIsMarkedInterrupted() throws {
        let store = try AppDatabase.inMemory()
        let slot = Self.start, nextSlot = Self.start.addingTimeInterval(86_400)
        let first = try #require(try store.startScheduledRun(schedule: "nightly", sourceKey: "demo", period: "2026-10", slot: slot, at: slot))
        #expect(first.status == .running && first.finishedAt == nil)
        #expect(try store.startScheduledRun(schedule: "nightly", sourceKey: "demo", period: "2026-10", slot: slot, status: .skippedOverlap) == nil)
        #expect(try store.hasScheduledRun(schedule: "nightly", slot: slot))
        #expect(try !store.hasScheduledRun(schedule: "nightly", slot: nextSlot))
        let finished = try store.finishScheduledRun(id: first.id, status: .succeeded, summary: "findings: none", at: slot.addingTimeInterval(90))
        #expect(finished.status == .succeeded && finished.finishedAt != nil)
        _ = try store.startScheduledRun(schedule: "nightly", sourceKey: "demo", period: "2026-10", slot: nextSlot, at: nextSlot)
        #expect(try store.markInterruptedScheduledRuns() == 1)
        #expect(try store.scheduledRuns().map(\.status) == [.interrupted, .succeeded])
    }
}
