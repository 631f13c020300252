import CloseStore
import FakeOdoo
import Foundation
import Ledger
import Testing

/// The dashboard's payment pages: the runs, a run in full with the bills left out and why, approve with the session's
/// CSRF token (refused to the proposer, in words), the pain.001 download once approved; held bank accounts with what
/// releases them; the expenses page before any check. A viewer sees no forms.
@Suite struct DashboardPaymentsTests {
    @Test func anApproverApprovesARunAndDownloadsItsFile() async throws {
        try await DashboardFixture.run { fixture in
            let run = try SeededPaymentRuns.propose(fixture.store, source: fixture.source, proposer: DashboardFixture.preparer)
            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.approver, password: DashboardFixture.password)
            let list = try await client.get("/payments")
            #expect(list.status == 200 && list.body.contains(#"id="run-\#(run.id)""#) && list.body.contains("/payments/runs/\(run.id)"), "\(list.body)")
            #expect(list.body.contains(#"id="propose-run""#), "an approver may propose")

            let page = try await client.get("/payments/runs/\(run.id)")
            #expect(page.status == 200 && page.body.contains(#"id="approve-run""#) && page.body.contains("BILL/3"), "\(page.body)")
            #expect(page.body.contains("mallory") && !page.body.contains("pain001/1"), "the left-out bill's reason; no file before approval")
            let action = "/payments/runs/\(run.id)/decide"
            let missing = try await client.post(action, form: ["decision": "approve"])
            #expect(try missing.status == 403 && fixture.store.paymentRun(id: run.id).status == .proposed)

            let approved = try await client.post(action, form: ["decision": "approve", "csrf": try DashboardClient.csrfToken(in: page.body)])
            #expect(approved.status == 200 && approved.body.contains("approved by \(DashboardFixture.approver)"), "\(approved.body)")
            #expect(try fixture.store.paymentRun(id: run.id).status == .approved)
            let file = try await client.get("/payments/runs/\(run.id)/pain001/1")
            #expect(file.status == 200 && file.body.contains("<CtrlSum>1450.50</CtrlSum>"), "\(file.body)")

            let held = try await client.get("/payments/bank-changes")
            #expect(held.status == 200 && held.body.contains(#"id="account-30""#) && held.body.contains("someone other than mallory"), "\(held.body)")
            #expect(held.body.contains(#"id="verify-30""#), "an approver may verify")
            let expenses = try await client.get("/expenses")
            #expect(expenses.status == 200 && expenses.body.contains("No expense check yet"))
        }
    }

    @Test func theProposerIsRefusedInWordsAndAViewerSeesNoForms() async throws {
        try await DashboardFixture.run { fixture in
            let run = try SeededPaymentRuns.propose(fixture.store, source: fixture.source, proposer: DashboardFixture.approver)
            let approver = DashboardClient(server: fixture.server)
            try await approver.signIn(login: DashboardFixture.approver, password: DashboardFixture.password)
            let page = try await approver.get("/payments/runs/\(run.id)")
            let own = try await approver.post("/payments/runs/\(run.id)/decide",
                                              form: ["decision": "approve", "csrf": try DashboardClient.csrfToken(in: page.body)])
            #expect(own.status == 403 && own.body.contains("\(DashboardFixture.approver) proposed payment run #\(run.id)"), "\(own.body)")
            #expect(try fixture.store.paymentRun(id: run.id).status == .proposed)

            let viewer = DashboardClient(server: fixture.server)
            try await viewer.signIn(login: DashboardFixture.viewer, password: DashboardFixture.password)
            for path in ["/payments", "/payments/runs/\(run.id)", "/payments/bank-changes", "/expenses"] {
                let seen = try await viewer.get(path)
                #expect(seen.status == 200 && !seen.body.contains(#"method="post" action="/payments"#) && !seen.body.contains("/expenses/check"),
                        "\(path): \(seen.body)")
            }
            let duties = try await viewer.get("/duties")
            #expect(duties.status == 503 && duties.body.contains("no Odoo connection"), "\(duties.body)")
        }
    }
}

/// The forms that ask Odoo, against the fake Odoo: a preparer proposes a run from the Payments page; on the Bank
/// changes page the one who changed an account is refused in words and a second person's verification is recorded.
@Suite struct DashboardPaymentsOdooTests {
    @Test func aRunIsProposedAndAHeldAccountVerifiedFromTheDashboard() async throws {
        let world = try await TreasuryOdoo.start(mode: "audit")
        defer { world.stop() }
        for login in ["paul", "mal"] { try world.store.setPassword(DashboardFixture.password, login: login, actor: ServedDemo.admin) }
        let paul = DashboardClient(server: world.server)
        try await paul.signIn(login: "paul", password: DashboardFixture.password)
        let payments = try await paul.get("/payments")
        let proposed = try await paul.post("/payments/propose", form: ["csrf": try DashboardClient.csrfToken(in: payments.body), "executionDate": "",
                                                                       "payBy": "", "journalID": ""])
        #expect(proposed.status == 200 && proposed.body.contains("it waits for a second person") && proposed.body.contains("New Supplier"),
                "\(proposed.body)")
        #expect(try world.store.paymentRuns(statuses: [.proposed]).map(\.proposed.by) == ["paul"])

        let mal = DashboardClient(server: world.server)
        try await mal.signIn(login: "mal", password: DashboardFixture.password)
        let held = try await mal.get("/payments/bank-changes")
        #expect(held.body.contains(#"id="verify-\#(world.newAccount)""#), "\(held.body)")
        let action = "/payments/bank-accounts/\(world.newAccount)/verify"
        let own = try await mal.post(action, form: ["csrf": try DashboardClient.csrfToken(in: held.body), "channel": "call to the number on the contract"])
        #expect(own.status == 403 && own.body.contains("mallory changed bank account"), "\(own.body)")
        let page = try await paul.get("/payments/bank-changes")
        let verified = try await paul.post(action, form: ["csrf": try DashboardClient.csrfToken(in: page.body), "channel": "call to the number on the contract"])
        #expect(verified.status == 200 && verified.body.contains("Recorded: paul verified bank account \(world.newAccount)"), "\(verified.body)")
        #expect(!verified.body.contains(#"id="verify-\#(world.newAccount)""#), "verified: no form, still held for the cool-off")
        #expect(world.fake.performedWrites.isEmpty)
    }

    @Test func anExpenseCheckRunFromTheDashboardShowsItsFindingsPerReport() async throws {
        let world = try await TreasuryOdoo.start(mode: "audit")
        defer { world.stop() }
        let report = world.fake.expenseReport(world.company, employee: "Eve", code: "FOOD", cents: 14_000, date: LocalDate.todayUTC().adding(days: -3).description)
        try world.store.setPassword(DashboardFixture.password, login: "paul", actor: ServedDemo.admin)
        let paul = DashboardClient(server: world.server)
        try await paul.signIn(login: "paul", password: DashboardFixture.password)
        let before = try await paul.get("/expenses")
        #expect(before.body.contains("No expense check yet") && before.body.contains(#"id="check-expenses""#))
        let checked = try await paul.post("/expenses/check", form: ["csrf": try DashboardClient.csrfToken(in: before.body)])
        #expect(checked.status == 200 && checked.body.contains("1 expense reports checked: 2 findings."), "\(checked.body)")
        #expect(checked.body.contains(#"id="report-\#(report)""#) && checked.body.contains("category-limit") && checked.body.contains("missing-receipt"),
                "\(checked.body)")
        #expect(checked.body.contains("audit mode: nothing noted in Odoo") && world.fake.performedWrites.isEmpty)
    }
}
