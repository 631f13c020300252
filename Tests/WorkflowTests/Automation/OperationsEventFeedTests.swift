@testable import Automation
import CloseStore
import Foundation
import Governance
import Ledger
import Testing

/// Segregation-of-duties conflicts and technical incidents as outgoing events: a conflict a review opened is
/// announced once while it stands, an incident pages once while it stands; business exceptions never page.
@Suite struct OperationsEventFeedTests {
    static let source = OperationsBoardTests.source
    static let asOf = LocalDate(iso: "2026-11-30")!

    static func conflict(_ person: Int) -> ExceptionSighting {
        ExceptionSighting(sourceKey: source, family: .duties, fingerprint: "duties.did/\(person)/7", kind: "sod-did", subject: "user\(person) on vendor Acme",
                          reason: "changed Acme's bank account and paid its bill", record: RecordRef(model: "res.partner", id: 7, name: "Acme"), owner: nil)
    }

    @Test func aConflictIsAnnouncedOnceWhileItStands() throws {
        let store = try AppDatabase.inMemory()
        try store.recordExceptionSweep([Self.conflict(2), Self.conflict(3)], family: .duties, sourceKey: Self.source, covering: nil, actor: "closer")
        // The next review no longer finds user 3's conflict before the feed runs: only user 2's is announced.
        try store.recordExceptionSweep([Self.conflict(2)], family: .duties, sourceKey: Self.source, covering: nil, actor: "closer")
        let feed = WebhookEventFeed(store: store)
        let events = try feed.events(asOf: Self.asOf).events
        #expect(events.map(\.type) == [.sodConflict])
        #expect(events.first?.details == ["kind": "sod-did", "subject": "user2 on vendor Acme", "reason": "changed Acme's bank account and paid its bill",
                                          "record": "res.partner Acme"])
        let target = WebhookTarget(url: URL(string: "https://n8n.example.com/webhook/sod")!, events: [.sodConflict, .incidentOpened])
        #expect(try feed.enqueue(for: [target], asOf: Self.asOf) == 1)
        try store.recordExceptionSweep([Self.conflict(2)], family: .duties, sourceKey: Self.source, covering: nil, actor: "closer")
        #expect(try feed.enqueue(for: [target], asOf: Self.asOf) == 0)
    }

    @Test func anIncidentPagesOnceAndABusinessExceptionNever() throws {
        let store = try AppDatabase.inMemory()
        try OperationsBoardTests.incidents(store)
        try store.recordExceptionSweep([ExceptionSighting(sourceKey: Self.source, family: .expenses, fingerprint: "e", kind: "category-limit", subject: "R1",
                                                          reason: "over", record: RecordRef(model: "hr.expense.sheet", id: 1, name: "R1"), owner: nil)],
                                       family: .expenses, sourceKey: Self.source, covering: nil, actor: "closer")
        let feed = WebhookEventFeed(store: store)
        let events = try feed.events(asOf: Self.asOf).events
        #expect(events.map { "\($0.type.rawValue) \($0.details["kind"] ?? "")" } == [
            "incident.opened odoo-unreachable", "incident.opened run-failed", "incident.opened webhook-dead-letter",
        ])
        #expect(events.allSatisfy { $0.details["owner"] == "admin" })
        let pager = WebhookTarget(url: URL(string: "https://pager.example.com/hook")!, events: [.incidentOpened])
        #expect(try feed.enqueue(for: [pager], asOf: Self.asOf) == 3)
        #expect(try feed.enqueue(for: [pager], asOf: Self.asOf) == 0)
    }
}
