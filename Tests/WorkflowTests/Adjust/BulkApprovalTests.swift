import Adjustments
import CloseStore
@testable import CloseWorkflows
import Foundation
import Governance
import Ledger
import Testing

/// Bulk approval decides everything the policy lets this approver decide and reports the rest with the
/// rule that refused it; one refusal does not stop the others.
@Suite struct BulkApprovalTests {
    /// Any approver up to 500, a controller above: the demo's proposals fall on both sides.
    static let policy = ApprovalPolicy(standard: [ApprovalPolicy.Tier(above: 0), ApprovalPolicy.Tier(above: 500, roles: [.controller])])

    @Test func anApproverApprovesWhatTheyMayAndHearsWhyNotTheRest() async throws {
        let (store, key, period, _) = try await ClosedDemo.make(asOf: LocalDate(iso: "2026-11-04")!)
        try store.addUser(login: "ann", name: "Ann", roles: [.approver], odooUserID: nil, actor: "test")
        let waiting = try store.adjustments(sourceKey: key, period: period, statuses: [.proposed])
        let small = waiting.filter { ($0.proposal.entry.total?.magnitude.minorUnits ?? 0) <= 50_000 }
        #expect(!small.isEmpty && small.count < waiting.count, "the fixture needs proposals on both sides of the limit")

        let review = try AdjustmentService(store: store, actor: "ann").approveWaiting(sourceKey: key, period: period, note: nil, policy: Self.policy)
        #expect(Set(review.decided.map(\.proposal.id)) == Set(small.map(\.id)))
        #expect(review.refused.count == waiting.count - small.count)
        #expect(review.refused.allSatisfy { $0.reason.contains("controller") })
        #expect(try store.adjustments(sourceKey: key, period: period, statuses: [.approved]).count == small.count)
    }

    @Test func namedIdsThatCannotBeDecidedAreReportedNotFatal() async throws {
        let (store, key, period, _) = try await ClosedDemo.make(asOf: LocalDate(iso: "2026-11-04")!)
        try store.addUser(login: "carol", name: "Carol", roles: [.controller], odooUserID: nil, actor: "test")
        let first = try #require(try store.adjustments(sourceKey: key, period: period, statuses: [.proposed]).first)
        let review = try AdjustmentService(store: store, actor: "carol").approve(ids: [999_999, first.id], sourceKey: key, note: nil,
                                                                                  policy: ApprovalPolicy())
        #expect(review.decided.map(\.proposal.id) == [first.id])
        #expect(review.refused.map(\.id) == [999_999])
    }
}
