@testable import Automation
import CloseStore
import Foundation
import Ledger
import Testing
import Treasury

/// Payment runs and bank-detail changes as outgoing events: a proposed run is announced once while it waits, a change
/// to where a vendor's money goes once while it holds the vendor's payments; what was decided or verified meanwhile is not sent.
@Suite struct TreasuryEventFeedTests {
    static let source: SourceKey = "odoo:treasury-feed"
    static let asOf = LocalDate(iso: "2026-12-07")!
    static let target = WebhookTarget(url: URL(string: "https://n8n.example.com/webhook/treasury")!, events: [.paymentRunReady, .bankChangeHeld])

    static func run(_ store: AppDatabase, by actor: String) throws -> PaymentRun {
        try store.proposePaymentRun(PaymentPreflight(rules: TreasuryRules(), executionDate: asOf, payBy: asOf).propose([]), sourceKey: source, actor: actor)
    }

    @Test func aProposedRunIsAnnouncedOnceWhileItWaits() throws {
        let store = try AppDatabase.inMemory()
        let superseded = try Self.run(store, by: "paul")
        let waiting = try Self.run(store, by: "paul")   // supersedes the first before the feed runs
        let feed = WebhookEventFeed(store: store)
        let events = try feed.events(asOf: Self.asOf).events
        #expect(events.map(\.type) == [.paymentRunReady])
        #expect(events.first?.details["runID"] == String(waiting.id) && events.first?.details["proposedBy"] == "paul")
        #expect(events.first?.details["run"] == waiting.reference && superseded.id != waiting.id)
        #expect(try feed.enqueue(for: [Self.target], asOf: Self.asOf) == 1)
        #expect(try feed.enqueue(for: [Self.target], asOf: Self.asOf) == 0)
        // A run rejected before the feed looks is not announced.
        let rejected = try Self.run(store, by: "paul")
        _ = try store.rejectPaymentRun(id: rejected.id, reason: "wrong day", actor: "anna")
        #expect(try feed.enqueue(for: [Self.target], asOf: Self.asOf) == 0)
    }

    @Test func aChangeThatHoldsAVendorIsAnnouncedOnceAndAVerifiedOneNot() throws {
        let store = try AppDatabase.inMemory()
        let at = Timestamp(date: Self.asOf.adding(days: -2), hour: 9)
        func change(_ account: Int, _ kind: BankDetailChange.Kind) -> BankDetailChange {
            BankDetailChange(accountID: account, partnerID: 40 + account, kind: kind, at: at, by: "mallory", detail: "NL91ABNA0417164300 → DE89370400440532013000")
        }
        try store.recordBankAccounts([], changes: [change(1, .numberChanged), change(2, .numberChanged), change(3, .trusted)], sourceKey: Self.source,
                                     actor: "closer")
        // Account 2 is verified by a second person before the feed looks: it holds nothing; trusting (account 3) never holds.
        try store.recordBankVerification(VendorBankAccount(id: 2, partnerID: 42, number: "DE89370400440532013000", trusted: true), sourceKey: Self.source,
                                         by: "vera", channel: "call to the number on the 2024 contract")
        let feed = WebhookEventFeed(store: store)
        let events = try feed.events(asOf: Self.asOf).events
        #expect(events.map(\.type) == [.bankChangeHeld])
        let details = try #require(events.first?.details)
        #expect(details["accountID"] == "1" && details["partnerID"] == "41" && details["changedBy"] == "mallory" && details["change"] == "number-changed")
        #expect(details["releasedBy"]?.contains("someone other than mallory") == true, "\(details)")
        #expect(try feed.enqueue(for: [Self.target], asOf: Self.asOf) == 1)
        // The same change found again (a later proposal) is not announced twice.
        try store.recordBankAccounts([], changes: [change(1, .numberChanged)], sourceKey: Self.source, actor: "closer")
        #expect(try feed.enqueue(for: [Self.target], asOf: Self.asOf) == 0)
        // A change verified only by its changer still holds: a new change is announced once.
        let later = BankDetailChange(accountID: 1, partnerID: 41, kind: .holderChanged, at: Timestamp(date: Self.asOf, hour: 8), by: "mallory")
        try store.recordBankAccounts([], changes: [later], sourceKey: Self.source, actor: "closer")
        try store.recordBankVerification(VendorBankAccount(id: 1, partnerID: 41, number: "DE89370400440532013000", trusted: true), sourceKey: Self.source,
                                         by: "mallory", channel: "the number in the change request")
        #expect(try feed.enqueue(for: [Self.target], asOf: Self.asOf) == 1)
    }
}
