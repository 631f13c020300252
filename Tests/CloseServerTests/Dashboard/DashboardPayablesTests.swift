import CloseStore
import Foundation
import Ledger
import Testing

/// The dashboard's Payables page: the exception queue in order with owner, age and SLA, escaped; the
/// release form posts with the session's CSRF token, is refused without it, and shows a refusal's sentence.
@Suite struct DashboardPayablesTests {
    /// The seeded bills' queue as `login` first sees it, and the signed-in client.
    static func queue(_ fixture: DashboardFixture, as login: String) async throws -> (DashboardClient, DashboardClient.Page) {
        try SeededBills.seed(fixture.store, source: fixture.source)
        let client = DashboardClient(server: fixture.server)
        try await client.signIn(login: login, password: DashboardFixture.password)
        return (client, try await client.get("/payables"))
    }

    @Test func theQueueShowsBlockedBillsFirstAndReleasesWithCSRF() async throws {
        try await DashboardFixture.run { fixture in
            let (client, page) = try await Self.queue(fixture, as: DashboardFixture.approver)
            #expect(page.status == 200 && page.body.contains(#"<a href="/payables">Payables</a>"#))
            let order = try [SeededBills.duplicate, SeededBills.overReceived, SeededBills.warned].map { id in
                try #require(page.body.range(of: #"id="bill-\#(id)""#)).lowerBound
            }
            #expect(order == order.sorted())
            #expect(!page.body.contains(#"id="bill-504""#), "clear bills are not in the open queue")
            #expect(page.body.contains("overdue by 5 d") && page.body.contains("3 d left"))
            #expect(page.body.contains("Print &amp; Co &lt;b&gt;") && !page.body.contains("Print & Co <b>"))

            let action = "/payables/\(SeededBills.overReceived)/release"
            let missing = try await client.post(action, form: ["reason": "Rest delivered today", "ledger": fixture.source.text])
            #expect(missing.status == 403)
            #expect(try fixture.store.billReview(sourceKey: fixture.source, billID: SeededBills.overReceived)?.status == .blocked)

            let csrf = try DashboardClient.csrfToken(in: page.body)
            let released = try await client.post(action, form: ["reason": "Rest delivered today", "ledger": fixture.source.text, "csrf": csrf])
            #expect(released.status == 200 && released.body.contains("released by \(DashboardFixture.approver)"), "\(released.body)")
            let stored = try fixture.store.billReview(sourceKey: fixture.source, billID: SeededBills.overReceived)
            #expect(stored?.status == .released && stored?.release?.by == DashboardFixture.approver)

            // Her own bill: the refusal's sentence on the page, the bill still blocked.
            let own = try await client.post("/payables/\(SeededBills.duplicate)/release",
                                            form: ["reason": "Fine", "ledger": fixture.source.text, "csrf": csrf])
            #expect(own.status == 403 && own.body.contains("\(DashboardFixture.approver) prepared BILL/501"))
            #expect(try fixture.store.billReview(sourceKey: fixture.source, billID: SeededBills.duplicate)?.status == .blocked)
        }
    }

    @Test func aViewerSeesTheQueueWithoutReleaseFormsAndFilters() async throws {
        try await DashboardFixture.run { fixture in
            let (client, page) = try await Self.queue(fixture, as: DashboardFixture.viewer)
            #expect(page.status == 200 && page.body.contains(#"id="bill-\#(SeededBills.duplicate)""#))
            #expect(!page.body.contains("/release"))
            let filtered = try await client.get("/payables?status=all&vendor=print")
            #expect(filtered.body.contains(#"id="bill-\#(SeededBills.overReceived)""#) && !filtered.body.contains(#"id="bill-\#(SeededBills.duplicate)""#))
        }
    }

    @Test func aBillWaitingForApprovalIsApprovedFromThePageWithCSRF() async throws {
        try await DashboardFixture.run { fixture in
            try BillApprovalsAPITests.route(fixture.store, source: fixture.source, billID: 902, preparer: "paul")
            let (client, page) = try await Self.queue(fixture, as: DashboardFixture.approver)
            #expect(page.body.contains(#"id="approval-902""#) && page.body.contains("level 1 of 2"), "\(page.body)")
            let action = "/payables/902/decide"
            let missing = try await client.post(action, form: ["decision": "approve", "ledger": fixture.source.text])
            #expect(missing.status == 403)
            let csrf = try DashboardClient.csrfToken(in: page.body)
            let approved = try await client.post(action, form: ["decision": "approve", "comment": "", "ledger": fixture.source.text, "csrf": csrf])
            #expect(approved.status == 200 && approved.body.contains("approved by \(DashboardFixture.approver)"), "\(approved.body)")
            let stored = try fixture.store.billApproval(sourceKey: fixture.source, billID: 902)
            #expect(stored?.decisions.map(\.approver) == [DashboardFixture.approver] && stored?.status == .pending)
        }
    }
}
