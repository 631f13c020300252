import Expenses
import Testing

/// Self-approval: found when the claimant's own user approved, not when someone else did or nobody has yet.
@Suite struct SelfApprovalTests {
    typealias F = ExpenseFixtures

    @Test func aReportApprovedByTheClaimantsOwnUserIsFound() {
        let findings = ExpenseReview(rules: ExpenseRules()).findings(on: [F.report([F.claim(1, "20.00", on: F.day(3))], state: "approve", approver: F.jane.userID)],
                                                                     claimed: [])
        #expect(findings.map(\.kind) == [.selfApproval])
        #expect(findings[0].message.contains("own user approved it"))
    }

    @Test func withoutTheApprovalHistoryTheNamedApproverStandsIn() {
        let findings = ExpenseReview(rules: ExpenseRules()).findings(on: [F.report([F.claim(1, "20.00", on: F.day(3))], state: "post", manager: F.jane.userID)],
                                                                     claimed: [])
        #expect(findings.map(\.kind) == [.selfApproval])
        #expect(findings[0].message.contains("is named its approver"))
    }

    @Test func anotherApproverOrAReportNotYetApprovedIsClean() {
        #expect(F.kinds([F.report([F.claim(1, "20.00", on: F.day(3))], state: "approve", manager: F.jane.userID, approver: 20)]).isEmpty)
        #expect(F.kinds([F.report([F.claim(1, "20.00", on: F.day(3))], state: "submit", manager: F.jane.userID)]).isEmpty)
        #expect(F.kinds([F.report([F.claim(1, "20.00", on: F.day(3))], of: ExpenseEmployee(id: 3, name: "No Login"), state: "approve", manager: nil)]).isEmpty)
    }
}
