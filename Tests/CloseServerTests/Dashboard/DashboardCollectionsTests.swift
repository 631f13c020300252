import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Ledger
import Receivables
import Testing

/// The dashboard's Collections page: the worklist with its reasons, the reminder drafts with their letter and a
/// CSRF-carrying approve form (refused without the token), a controller-signed level kept from a collector, and the
/// promise form's refusal of a bad amount with a sentence.
@Suite struct DashboardCollectionsTests {
    @Test func remindersAreApprovedFromThePageWithCSRFAndBadInputGetsASentence() async throws {
        try await DashboardFixture.run { fixture in
            let drafted = try await ReminderService(store: fixture.store, rules: RuleSet.builtIn.receivables, matchRules: RuleSet.builtIn.matching,
                                                    actor: DashboardFixture.preparer, settings: nil)
                .draft(sourceKey: fixture.source, asOf: fixture.period.end).reminders
            let friendly = try #require(drafted.first { $0.draft.level.signedBy == .collector })
            let final = try #require(drafted.first { $0.draft.level.signedBy == .controller })
            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.approver, password: DashboardFixture.password)
            let page = try await client.get("/collections")
            #expect(page.status == 200 && page.body.contains(#"<a href="/collections">Collections</a>"#), "\(page.body)")
            #expect(page.body.contains(#"id="worklist""#) && page.body.contains(#"href="/collections/holds""#)
                    && page.body.contains("/collections/measures"))
            #expect(page.body.contains(#"id="reminder-\#(friendly.id)""#) && page.body.contains("Total overdue: \(friendly.draft.total)"))
            #expect(page.body.contains(#"id="approve-reminder-\#(friendly.id)""#))
            #expect(!page.body.contains(#"id="approve-reminder-\#(final.id)""#) && page.body.contains(#"id="reject-reminder-\#(final.id)""#),
                    "a collector may reject a controller's level, not approve it")

            let action = "/collections/reminders/\(friendly.id)/decide?source=\(fixture.source.text)"
            let missing = try await client.post(action, form: ["decision": "approve"])
            #expect(missing.status == 403)
            #expect(try fixture.store.reminder(id: friendly.id).status == .drafted)
            let csrf = try DashboardClient.csrfToken(in: page.body)
            let approved = try await client.post(action, form: ["decision": "approve", "csrf": csrf])
            #expect(approved.status == 200 && approved.body.contains("approved by \(DashboardFixture.approver)"), "\(approved.body)")
            #expect(try fixture.store.reminder(id: friendly.id).status == .approved)

            let forced = try await client.post("/collections/reminders/\(final.id)/decide", form: ["decision": "approve", "csrf": csrf])
            #expect(forced.status == 403 && forced.body.contains("a controller approves them"))
            #expect(try fixture.store.reminder(id: final.id).status == .drafted)

            let customer = String(friendly.draft.customerID)
            let abc = try await client.post("/collections/promises", form: ["customer": customer, "date": "2099-01-15", "amount": "abc", "csrf": csrf])
            #expect(abc.status == 422 && abc.body.contains("&#39;abc&#39; is not a decimal amount"), "\(abc.body)")
            let promised = try await client.post("/collections/promises", form: ["customer": customer, "date": "2099-01-15", "amount": "12.00",
                                                                                 "csrf": csrf])
            #expect(promised.status == 200 && promised.body.contains(#"id="promise-"#), "\(promised.body)")
            #expect(try fixture.store.promises(sourceKey: fixture.source).map(\.amount.decimalText) == ["12.00"])
        }
    }

    @Test func aViewerSeesTheListsWithoutForms() async throws {
        try await DashboardFixture.run { fixture in
            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.viewer, password: DashboardFixture.password)
            let page = try await client.get("/collections")
            #expect(page.status == 200 && page.body.contains(#"id="worklist""#))
            #expect(!page.body.contains("record-promise") && !page.body.contains("/decide") && !page.body.contains("draft-reminders"))
            let refused = try await client.post("/collections/promises", form: ["customer": "1", "date": "2099-01-15",
                                                                                "csrf": try DashboardClient.csrfToken(in: page.body)])
            #expect(try refused.status == 403 && fixture.store.promises().isEmpty)
        }
    }
}
