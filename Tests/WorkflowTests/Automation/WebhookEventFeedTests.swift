@testable import Automation
import CloseStore
@testable import CloseWorkflows
import Foundation
import Governance
import Ledger
import Testing

/// The events the demo company's close produces, and that feeding again adds none.
@Suite struct WebhookEventFeedTests {
    static let asOf = LocalDate(iso: "2026-11-04")!
    static let everything = WebhookTarget(url: URL(string: "https://n8n.example.com/webhook/closer")!, events: Set(WebhookEventType.allCases))

    @Test func theDemoCloseYieldsEachKindOfEventOnceAndFeedingAgainEnqueuesNothing() async throws {
        let (store, key, period, checks) = try await ClosedDemo.make(asOf: Self.asOf)
        _ = try ChecklistService(store: store, actor: "test").board(sourceKey: key, period: period, asOf: Self.asOf)
        let feed = WebhookEventFeed(store: store)
        let late = LocalDate(iso: "2026-12-15")!
        let (events, cursor) = try feed.events(asOf: late)
        let byType = Dictionary(grouping: events, by: \.type)
        #expect(cursor == (try store.auditEvents().last?.seq))
        #expect(Set(events.map(\.key)).count == events.count)
        // The first check of the period: every finding is new.
        #expect(byType[.findingOpened]?.count == Set(checks.findings.map(\.fingerprint)).count)
        let waiting = try store.adjustments(sourceKey: key, statuses: [.proposed]).count + store.matchProposals(sourceKey: key, statuses: [.proposed]).count
        #expect(waiting > 0 && byType[.proposalNeedsApproval]?.count == waiting)
        let board = try ChecklistService(store: store, actor: "test").board(sourceKey: key, period: period, asOf: late)
        #expect(byType[.taskOverdue]?.count == board.rows.filter { !$0.task.isDone }.count)
        #expect(byType[.periodLocked] == nil)

        let enqueued = try feed.enqueue(for: [Self.everything], asOf: late)
        #expect(enqueued == events.count)
        #expect(try feed.enqueue(for: [Self.everything], asOf: late) == 0)
        // Checking again with nothing changed opens no finding; the deliveries stay as they were.
        _ = try CheckService(store: store, actor: "test").run(sourceKey: key, period: period, asOf: Self.asOf)
        #expect(try feed.enqueue(for: [Self.everything], asOf: late) == 0)
        #expect(try store.webhookDeliveries().count == events.count)
    }

    @Test func aVerifiedLockIsAnEventAndAProposalDecidedMeanwhileIsNot() async throws {
        let (store, key, period, _) = try await ClosedDemo.make(asOf: Self.asOf)
        let feed = WebhookEventFeed(store: store)
        _ = try store.addUser(login: "ann", name: "Ann", roles: [.controller, .approver], odooUserID: nil, actor: "test")
        let proposal = try #require(store.adjustments(sourceKey: key, statuses: [.proposed]).first)
        _ = try store.decideAdjustment(id: proposal.id, sourceKey: key, approved: false, actor: "ann", note: "not needed", policy: ApprovalPolicy())
        let request = try store.saveLockRequest(sourceKey: key, period: period, fields: [.fiscalYear], blockers: [], actor: "ann")
        try store.finishLockRequest(id: request.id, sourceKey: key, status: .verified, approvedBy: "ann", detail: "fiscal_year=\(period.end)",
                                    before: LockDates(), after: LockDates(fiscalYear: period.end))
        let events = try feed.events(asOf: Self.asOf).events
        #expect(!events.contains { $0.key.hasPrefix("proposal.needs-approval/adjustment/\(proposal.id)/") })
        let locked = try #require(events.first { $0.type == .periodLocked })
        #expect(locked.key == "period.locked/\(key)/\(request.id)" && locked.period == period.description)
        #expect(locked.details["fields"] == "fiscal_year" && locked.details["approvedBy"] == "ann")
    }
}
