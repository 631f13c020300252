import CloseStore
import Foundation
import Ledger
import Payables
import Testing

/// Intake verdicts in the store: a rerun changes nothing, a new problem opens the bill again, a release
/// is someone else's and stands, and each change is on the audit trail.
@Suite struct BillReviewStorageTests {
    static let source: SourceKey = .odoo(url: "https://erp.example.com", database: "acme", companyID: 1)

    static func bill(_ id: Int, _ reference: String) -> VendorBill {
        VendorBill(source: source, id: id, name: "BILL/\(id)", companyID: 1, vendor: BillVendor(partnerID: 7, name: "Office Supplies Ltd"),
                   reference: reference, invoiceDate: LocalDate(iso: "2026-10-09"), state: .draft,
                   total: try! Money(parsing: "240.00", currency: CurrencyCode("EUR")!, scale: 2), preparerLogin: "dora")
    }

    static func verdict(copyOf originals: [Int], signal: DuplicateSignal = .reformattedReference) -> BillVerdict {
        let copy = bill(20, "inv 42")
        return BillVerdict(bill: copy, duplicates: originals.map { DuplicateHit(bill: copy, original: bill($0, "INV-42"), signals: [signal], reason: "like \($0)") },
                           match: nil, rules: IntakeRules())
    }

    @Test func aHeldBillStaysAsItWasOnARerunAndIsAuditedOnce() throws {
        let store = try AppDatabase.inMemory()
        let (held, changed) = try store.recordBillVerdict(Self.verdict(copyOf: [10]), preparerLogin: "dora", actor: "closer-agent")
        #expect(changed && held.status == .blocked && held.blocksPayment && held.flaggedAt != nil)
        #expect(try store.paymentBlock(sourceKey: Self.source, billID: 20)?.contains("held") == true)
        let (again, changedAgain) = try store.recordBillVerdict(Self.verdict(copyOf: [10]), preparerLogin: "dora", actor: "closer-agent")
        #expect(!changedAgain && again.flaggedAt == held.flaggedAt)
        #expect(try store.auditEvents().filter { $0.action.hasPrefix("payables.") }.map(\.action) == ["payables.bill.held"])
    }

    @Test func onlySomeoneOtherThanThePreparerReleasesAndTheReleaseStandsUntilANewProblem() throws {
        let store = try AppDatabase.inMemory()
        try store.recordBillVerdict(Self.verdict(copyOf: [10]), preparerLogin: "dora", actor: "closer-agent")
        #expect(throws: BillReviewError.self) { try store.releaseBill(sourceKey: Self.source, billID: 20, reason: "mine", actor: "Dora") }
        #expect(throws: BillReviewError.noReason) { try store.releaseBill(sourceKey: Self.source, billID: 20, reason: "  ", actor: "erin") }
        #expect(try store.billReview(sourceKey: Self.source, billID: 20)?.status == .blocked, "refusals change nothing")

        let released = try store.releaseBill(sourceKey: Self.source, billID: 20, reason: "two deliveries", actor: "erin")
        #expect(released.status == .released && released.release?.by == "erin" && !released.blocksPayment)
        #expect(try store.paymentBlock(sourceKey: Self.source, billID: 20) == nil)
        #expect(throws: BillReviewError.self) { try store.releaseBill(sourceKey: Self.source, billID: 20, reason: "again", actor: "erin") }

        // The same problems found again: still released. A new original: blocked again, the release gone.
        #expect(try store.recordBillVerdict(Self.verdict(copyOf: [10]), preparerLogin: "dora", actor: "closer-agent").review.status == .released)
        let reopened = try store.recordBillVerdict(Self.verdict(copyOf: [10, 11]), preparerLogin: "dora", actor: "closer-agent").review
        #expect(reopened.status == .blocked && reopened.release == nil)
        let actions = try store.auditEvents().filter { $0.action.hasPrefix("payables.") }.map(\.action)
        #expect(actions == ["payables.bill.held", "payables.bill.released", "payables.bill.held"])
    }

    @Test func aBillWhoseProblemsAreGoneIsClearAndOnlyCloserBlocksAreRemembered() throws {
        let store = try AppDatabase.inMemory()
        try store.recordBillVerdict(Self.verdict(copyOf: [10], signal: .sameAmountNearDate), preparerLogin: nil, actor: "closer-agent")
        #expect(try store.billReview(sourceKey: Self.source, billID: 20)?.status == .warned)
        try store.setBillBlockedInOdoo(true, sourceKey: Self.source, billID: 20, actor: "closer-agent")
        let clear = try store.recordBillVerdict(Self.verdict(copyOf: []), preparerLogin: nil, actor: "closer-agent").review
        #expect(clear.status == .clear && clear.flaggedAt == nil && clear.blockedInOdoo, "Closer's block is lifted by the workflow, not forgotten")
        #expect(try store.billReviews(statuses: [.blocked, .warned]).isEmpty)
        #expect(try store.auditEvents().map(\.action).filter { $0.hasPrefix("payables.") }
                == ["payables.bill.warned", "payables.payment.blocked", "payables.bill.cleared"])
        // A bill never flagged is recorded without an audit event: touchless bills do not flood the trail.
        try store.recordBillVerdict(BillVerdict(bill: Self.bill(30, "X-1"), duplicates: [], match: nil, rules: IntakeRules()), preparerLogin: nil, actor: "a")
        #expect(try store.auditEvents().filter { $0.action.hasPrefix("payables.bill") }.count == 2)
    }
}
