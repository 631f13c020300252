@testable import Automation
import CloseStore
import Foundation
import Ledger
import Payables
import Governance
import Testing

/// Intake's verdicts as outgoing events: a held bill, one waiting for a second approver, a match
/// exception — each once, and none for a bill released before the feed ran.
@Suite struct BillEventFeedTests {
    static let source: SourceKey = .odoo(url: "https://erp.example.com", database: "acme", companyID: 1)

    static func verdict(_ id: Int, duplicateOf original: Int? = nil, signal: DuplicateSignal = .reformattedReference, exception: Bool = false) -> BillVerdict {
        func bill(_ id: Int) -> VendorBill {
            VendorBill(source: source, id: id, name: "BILL/\(id)", companyID: 1, vendor: BillVendor(partnerID: 7, name: "Office Supplies Ltd"),
                       reference: "INV-\(id)", invoiceDate: LocalDate(iso: "2026-10-09"), state: .draft,
                       total: try! Money(parsing: "240.00", currency: CurrencyCode("EUR")!, scale: 2))
        }
        let hits = original.map { [DuplicateHit(bill: bill(id), original: bill($0), signals: [signal], reason: "like \($0)")] } ?? []
        let match = BillMatch(bill: bill(id), exceptions: exception ? [MatchException(kind: .priceDiffers, billLineID: 1, message: "12.00 billed, 10.00 ordered.",
                                                                                        fix: "Ask for a credit note.")] : [], matchedLines: 0)
        return BillVerdict(bill: bill(id), duplicates: hits, match: match, rules: IntakeRules())
    }

    @Test func heldAwaitingApprovalAndMatchExceptionsAreAnnouncedOnceAndAReleasedBillIsNot() throws {
        let store = try AppDatabase.inMemory()
        try store.recordBillVerdict(Self.verdict(21, duplicateOf: 20), preparerLogin: nil, actor: "closer-agent")
        try store.recordBillVerdict(Self.verdict(31, duplicateOf: 30, signal: .otherVendorSameReference), preparerLogin: nil, actor: "closer-agent")
        try store.recordBillVerdict(Self.verdict(41, exception: true), preparerLogin: nil, actor: "closer-agent")
        try store.recordBillVerdict(Self.verdict(51, duplicateOf: 50), preparerLogin: nil, actor: "closer-agent")
        _ = try store.releaseBill(sourceKey: Self.source, billID: 51, reason: "a second delivery", actor: "erin")
        try store.recordBillVerdict(Self.verdict(61), preparerLogin: nil, actor: "closer-agent")

        let feed = WebhookEventFeed(store: store)
        let events = try feed.events(asOf: LocalDate(iso: "2026-10-10")!).events.filter { $0.type.rawValue.hasPrefix("bill.") }
        #expect(events.map { "\($0.type.rawValue) \($0.details["billID"] ?? "")" }.sorted()
                == ["bill.held 21", "bill.held 41", "bill.match-exception 41", "bill.needs-approval 31"])
        let held = try #require(events.first { $0.details["billID"] == "21" })
        #expect(held.details["bill"] == "BILL/21" && held.details["amount"] == "240.00" && held.details["reasons"]?.contains("like 20") == true)
        let target = WebhookTarget(url: URL(string: "https://n8n.example.com/webhook/ap")!, events: [.billHeld, .billNeedsApproval, .billMatchException])
        #expect(try feed.enqueue(for: [target], asOf: LocalDate(iso: "2026-10-10")!) == 4)
        #expect(try feed.enqueue(for: [target], asOf: LocalDate(iso: "2026-10-10")!) == 0)
    }

    @Test func aBillWaitingForApprovalIsAnnouncedWhileItsRouteWaitsAndNotOnceDecided() throws {
        let store = try AppDatabase.inMemory()
        _ = try store.addUser(login: "carol", name: "Carol", roles: [.controller], odooUserID: nil, actor: "test")
        func facts(_ id: Int) -> BillApprovalFacts {
            BillApprovalFacts(source: Self.source, billID: id, billTitle: "BILL/\(id) of Acme", amount: Money(minorUnits: 12_400_00, currency: CurrencyCode("EUR")!),
                              vendorFirstBillDate: LocalDate(iso: "2025-01-10"), preparerLogin: "dora")
        }
        let router = ApprovalRouter(rules: BillApprovalRules())
        let day = LocalDate(iso: "2026-12-05")!
        for id in [70, 80] { try store.enterBillApproval(facts(id), route: router.route(facts(id), on: day), requestedBy: "closer-agent") }
        _ = try store.decideBillApproval(sourceKey: Self.source, billID: 80, approve: true, comment: nil, by: "carol")

        let events = try WebhookEventFeed(store: store).events(asOf: day).events.filter { $0.type == .billNeedsApproval }
        #expect(events.map { $0.details["billID"] } == ["70"])
        #expect(events.first?.details["amount"] == "12400.00" && events.first?.details["levels"]?.contains("2.") == true)
    }
}
