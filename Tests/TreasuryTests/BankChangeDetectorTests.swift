import Ledger
import Testing
@testable import Treasury

/// What counts as a change to a vendor's bank account: what two pulls show, what Odoo's tracking says, and on first
/// sight the account's own stamps — never an old account Closer simply had not read before.
struct BankChangeDetectorTests {
    static let watched = Timestamp(date: LocalDate(iso: "2026-11-01")!)

    static func observed(_ id: Int, number: String, trusted: Bool = true, created: Int, written: Int, by: String = "bob") -> ObservedBankAccount {
        ObservedBankAccount(account: VendorBankAccount(id: id, partnerID: id * 10, number: number, trusted: trusted), active: true,
                            createdAt: Timestamp(secondsSinceEpoch: watched.secondsSinceEpoch + Int64(created) * 86_400), createdBy: "alice",
                            writtenAt: Timestamp(secondsSinceEpoch: watched.secondsSinceEpoch + Int64(written) * 86_400), writtenBy: by)
    }

    @Test func twoPullsShowANewNumberAndTrustSignedByTheLastWrite() {
        let before = VendorBankAccount(id: 1, partnerID: 10, number: "NL91 ABNA 0417 1643 00", trusted: false)
        let now = Self.observed(1, number: "DE89370400440532013000", created: -400, written: 3)
        let changes = BankChangeDetector(watchedSince: Self.watched).changes(previous: [1: before], current: [now], tracked: nil)
        #expect(changes.map(\.kind) == [.numberChanged, .trusted])
        #expect(changes.allSatisfy { $0.by == "bob" && $0.partnerID == 10 })
        #expect(changes.first?.detail == "NL91 ABNA 0417 1643 00 → DE89370400440532013000")
    }

    @Test func theSameNumberSpacedDifferentlyIsNoChange() {
        let before = VendorBankAccount(id: 1, partnerID: 10, number: "NL91 ABNA 0417 1643 00", trusted: true)
        let now = Self.observed(1, number: "nl91abna0417164300", created: -400, written: 3)
        #expect(BankChangeDetector(watchedSince: Self.watched).changes(previous: [1: before], current: [now], tracked: nil).isEmpty)
    }

    @Test func onFirstSightOnlyRecentCreationsAndWritesCount() {
        let old = Self.observed(1, number: "NL91ABNA0417164300", created: -400, written: -300)
        let new = Self.observed(2, number: "DE89370400440532013000", created: 2, written: 2)
        let edited = Self.observed(3, number: "FR1420041010050500013M02606", created: -400, written: 4, by: "mallory")
        let changes = BankChangeDetector(watchedSince: Self.watched).changes(previous: [:], current: [old, new, edited], tracked: nil)
        #expect(changes.map { "\($0.accountID) \($0.kind.rawValue) \($0.by)" } == ["2 created alice", "3 details-changed mallory"])
    }

    @Test func readableTrackingIsTakenAsItIsAndOlderTrackingIsHistory() {
        let account = Self.observed(1, number: "DE89370400440532013000", created: -400, written: 5)
        let tracked = [
            BankDetailChange(accountID: 1, partnerID: 0, kind: .numberChanged, at: Timestamp(date: LocalDate(iso: "2026-11-06")!), by: "mallory"),
            BankDetailChange(accountID: 1, partnerID: 0, kind: .holderChanged, at: Timestamp(date: LocalDate(iso: "2025-01-06")!), by: "eve"),
        ]
        let previous = [1: VendorBankAccount(id: 1, partnerID: 10, number: "NL91ABNA0417164300", trusted: true)]
        let changes = BankChangeDetector(watchedSince: Self.watched).changes(previous: previous, current: [account], tracked: tracked)
        #expect(changes.map { "\($0.kind.rawValue) \($0.by) \($0.partnerID)" } == ["number-changed mallory 10"])
    }
}
