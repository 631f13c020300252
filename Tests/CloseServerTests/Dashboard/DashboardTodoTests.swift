import CloseStore
import Foundation
import Governance
import Ledger
import Testing

/// "My work": the signed-in person's approvals, due tasks and findings, as `closer todo` lists them; nobody else's.
@Suite struct DashboardTodoTests {
    @Test func myWorkListsWhatTheSignedInPersonMayApproveAndNothingForAViewer() async throws {
        try await DashboardFixture.run { fixture in
            let approvable = try fixture.approvableProposal()
            let controllersOnly = try fixture.store.waitingReviews(sourceKey: fixture.source, period: fixture.period)
                .filter { (10_000_00 + 1...50_000_00).contains($0.amount?.magnitude.minorUnits ?? 0) }
            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.approver, password: DashboardFixture.password)
            let page = try await client.get("/todo")
            #expect(page.status == 200 && page.body.contains("For \(DashboardFixture.approver), as of"))
            #expect(page.body.contains(#"id="approval-adjustment-\#(approvable.id)""#))
            #expect(!controllersOnly.isEmpty && controllersOnly.allSatisfy { !page.body.contains(#"id="approval-\#($0.proposal.kind.rawValue)-\#($0.proposal.id)""#) })

            let viewer = DashboardClient(server: fixture.server)
            try await viewer.signIn(login: DashboardFixture.viewer, password: DashboardFixture.password)
            let empty = try await viewer.get("/todo")
            #expect(empty.status == 200 && empty.body.contains("0 approvals, 0 tasks, 0 findings") && !empty.body.contains(#"id="approval-"#))
        }
    }
}
