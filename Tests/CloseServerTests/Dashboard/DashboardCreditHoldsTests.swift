import CloseStore
import Foundation
import Receivables
import Testing

/// The dashboard's credit holds page: open holds with their reasons, escaped; one-click approve posts with the
/// session's CSRF token and is refused without it; a viewer sees no decide forms.
@Suite struct DashboardCreditHoldsTests {
    @Test func anApproverApprovesInOneClickWithCSRF() async throws {
        try await DashboardFixture.run { fixture in
            let seeded = try SeededCreditHolds.seed(fixture.store, source: fixture.source, proposer: DashboardFixture.preparer)
            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.approver, password: DashboardFixture.password)
            let page = try await client.get("/collections/holds")
            #expect(page.status == 200 && page.body.contains(#"id="hold-\#(seeded.acme)""#) && page.body.contains(#"id="approve-hold-\#(seeded.acme)""#))
            #expect(page.body.contains("Bolt &lt;Trading&gt;") && !page.body.contains("Bolt <Trading>"))

            let action = "/collections/holds/\(seeded.acme)/decide"
            let missing = try await client.post(action, form: ["decision": "approve"])
            #expect(missing.status == 403)
            #expect(try fixture.store.creditHolds(statuses: [.proposed]).count == 2)

            let approved = try await client.post(action, form: ["decision": "approve", "csrf": try DashboardClient.csrfToken(in: page.body)])
            #expect(approved.status == 200 && approved.body.contains("approved by \(DashboardFixture.approver)"), "\(approved.body)")
            #expect(try fixture.store.creditHolds(statuses: [.approved]).map(\.id) == [seeded.acme])
            #expect(!approved.body.contains(#"id="approve-hold-\#(seeded.acme)""#), "decided, it has no form any more")
        }
    }

    @Test func aViewerSeesTheHoldsWithoutDecideForms() async throws {
        try await DashboardFixture.run { fixture in
            let seeded = try SeededCreditHolds.seed(fixture.store, source: fixture.source, proposer: DashboardFixture.preparer)
            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.viewer, password: DashboardFixture.password)
            let page = try await client.get("/collections/holds")
            #expect(page.status == 200 && page.body.contains(#"id="hold-\#(seeded.bolt)""#) && !page.body.contains("/decide"))
        }
    }
}
