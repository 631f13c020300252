@testable import Automation
import CloseStore
import Foundation
import Ledger
import Receivables
import Testing

/// Credit holds as outgoing events: a proposal still waiting, an applied hold and a release are announced once;
/// a proposal decided before the feed ran is not.
@Suite struct CreditHoldEventFeedTests {
    static let source: SourceKey = .odoo(url: "https://erp.example.com", database: "acme", companyID: 1)

    static func overLimit(_ customer: Int) -> CreditVerdict {
        let eur = CurrencyCode("EUR")!
        let asOf = LocalDate(iso: "2026-10-31")!
        let credit = CustomerCredit(customerID: customer, customerName: "Customer \(customer)",
                                    openItems: [OpenReceivable(dueDate: asOf, amount: Money(minorUnits: 1_240_000, currency: eur))],
                                    uninvoicedOrders: Money.zero(eur), limit: Money(minorUnits: 1_000_000, currency: eur))
        return CreditPolicy(rules: CreditRules()).judge(credit, asOf: asOf)
    }

    @Test func proposedAppliedAndReleasedHoldsAreAnnouncedOnce() throws {
        let store = try AppDatabase.inMemory()
        let waiting = try store.proposeCreditHold(Self.overLimit(1), sourceKey: Self.source, actor: "carla").hold
        let blocked = try store.proposeCreditHold(Self.overLimit(2), sourceKey: Self.source, actor: "carla").hold
        _ = try store.approveCreditHold(id: blocked.id, actor: "erin")
        _ = try store.claimCreditHoldBlock(id: blocked.id, previous: SaleWarning(level: SaleWarning.none, message: nil), actor: "erin")
        _ = try store.markCreditHoldApplied(id: blocked.id, actor: "erin")
        let released = try store.proposeCreditHold(Self.overLimit(3), sourceKey: Self.source, actor: "carla").hold
        _ = try store.releaseCreditHold(id: released.id, reason: "no longer needed", actor: "closer-agent")

        let feed = WebhookEventFeed(store: store)
        let events = try feed.events(asOf: LocalDate(iso: "2026-10-31")!).events
        #expect(events.map { "\($0.type.rawValue) \($0.details["hold"] ?? "")" }.sorted()
                == ["credit.hold.applied \(blocked.id)", "credit.hold.proposed \(waiting.id)", "credit.hold.released \(released.id)"])
        let proposed = try #require(events.first { $0.type == .creditHoldProposed })
        #expect(proposed.details["partner"] == "Customer 1" && proposed.details["reasons"] == "owes 12,400.00 EUR against a limit of 10,000.00 EUR")
        let target = WebhookTarget(url: URL(string: "https://n8n.example.com/webhook/ar")!,
                                   events: [.creditHoldProposed, .creditHoldApplied, .creditHoldReleased])
        #expect(try feed.enqueue(for: [target], asOf: LocalDate(iso: "2026-10-31")!) == 3)
        #expect(try feed.enqueue(for: [target], asOf: LocalDate(iso: "2026-10-31")!) == 0)
    }
}
