@testable import CloseServer
import CloseStore
import Foundation
import Testing
import Markup
import Ledger
import Governance

/// The dashboard over real HTTP: sign-in, CSRF and role refusals change nothing; hostile text is escaped.
@Suite struct DashboardHTTPTests {
    @Test func aWrongPasswordIsRefusedAndChangesNothing() async throws {
        try await DashboardFixture.run { fixture in
            let client = DashboardClient(server: fixture.server)
            let eventsBefore = try fixture.store.verifyAuditTrail().eventCount
            let refused = try await client.signIn(login: DashboardFixture.approver, password: "not the password at all")
            #expect(refused.status == 401)
            #expect(refused.body.contains("Wrong login or password"))
            let unknown = try await client.signIn(login: "nobody", password: DashboardFixture.password)
            #expect(unknown.status == 401)
            // Issue 23: each wrong password is audited and counted; nothing else changes.
            #expect(try fixture.store.verifyAuditTrail().eventCount == eventsBefore + 2)
            // Still signed out: pages send the browser to the login form.
            #expect(try await client.get("/proposals").location == "/login")

            let accepted = try await client.signIn(login: DashboardFixture.approver, password: DashboardFixture.password)
            #expect(accepted.status == 303 && accepted.location == "/")
            let overview = try await client.get("/")
            #expect(overview.status == 200 && overview.body.contains("What blocks the lock"))
            #expect(try fixture.store.auditEvents().contains { $0.action == "user.login" && $0.actor == DashboardFixture.approver })
        }
    }

    @Test func aFormWithoutTheSessionsCSRFTokenIsRefused() async throws {
        try await DashboardFixture.run { fixture in
            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.approver, password: DashboardFixture.password)
            let proposal = try fixture.approvableProposal()
            let eventsBefore = try fixture.store.verifyAuditTrail().eventCount
            let path = "/proposals/\(proposal.id)/decide?source=\(fixture.source)"
            let missing = try await client.post(path, form: ["decision": "approve"])
            let wrong = try await client.post(path, form: ["decision": "approve", "csrf": String(repeating: "0", count: 64)])
            #expect(missing.status == 403 && wrong.status == 403)
            #expect(wrong.body.contains("did not come from this dashboard"))
            #expect(try fixture.store.adjustment(id: proposal.id, sourceKey: fixture.source).status == .proposed)
            #expect(try fixture.store.verifyAuditTrail().eventCount == eventsBefore)
        }
    }

    @Test func aViewerReadsButCannotApprove() async throws {
        try await DashboardFixture.run { fixture in
            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.viewer, password: DashboardFixture.password)
            let proposal = try fixture.approvableProposal()
            let page = try await client.get("/proposals/\(proposal.id)?source=\(fixture.source)")
            #expect(page.status == 200 && page.body.contains("Approving needs the approver or controller role"))
            let refused = try await client.post("/proposals/\(proposal.id)/decide?source=\(fixture.source)",
                                                 form: ["decision": "approve", "csrf": try DashboardClient.csrfToken(in: page.body)])
            #expect(refused.status == 403 && refused.body.contains("needs the approver or controller role"))
            #expect(try fixture.store.adjustment(id: proposal.id, sourceKey: fixture.source).status == .proposed)
        }
    }

    /// The policy decides past the role check: whoever prepared a proposal is refused, in the policy's words, and nothing changes.
    @Test func thePolicysRefusalIsShownOnTheProposal() async throws {
        try await DashboardFixture.run { fixture in
            try fixture.store.addUser(login: DashboardFixture.preparer, name: "Pat Preparer", roles: [.preparer, .approver], odooUserID: nil,
                                      actor: DashboardFixture.admin)
            try fixture.store.setPassword(DashboardFixture.password, login: DashboardFixture.preparer, actor: DashboardFixture.admin)
            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.preparer, password: DashboardFixture.password)
            let proposal = try fixture.approvableProposal()
            let page = try await client.get("/proposals/\(proposal.id)?source=\(fixture.source)")
            let refused = try await client.post("/proposals/\(proposal.id)/decide?source=\(fixture.source)",
                                                 form: ["decision": "approve", "csrf": try DashboardClient.csrfToken(in: page.body)])
            #expect(refused.status == 403)
            #expect(refused.body.contains("separation of duties: \(DashboardFixture.preparer) prepared adjustment proposal \(proposal.id)"))
            #expect(refused.body.contains(#"id="proposal-status" class="proposed">proposed"#))
            #expect(try fixture.store.adjustment(id: proposal.id, sourceKey: fixture.source).status == .proposed)
        }
    }

    @Test func aManualTaskIsSignedOffFromTheBoard() async throws {
        try await DashboardFixture.run { fixture in
            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.approver, password: DashboardFixture.password)
            let board = try await client.get("/checklist")
            let action = "/checklist/tasks/intercompany-agreed/done?source=\(fixture.source)&period=\(fixture.period)"
            #expect(board.body.contains(#"action="\#(action.replacingOccurrences(of: "&", with: "&amp;"))""#))
            let csrf = try DashboardClient.csrfToken(in: board.body)
            let blank = try await client.post(action, form: ["comment": " ", "csrf": csrf])
            #expect(blank.status == 422 && blank.body.contains("needs a comment"), "\(blank.body)")
            let signed = try await client.post(action, form: ["comment": "No intercompany partners this month", "csrf": csrf])
            #expect(signed.status == 200 && signed.body.contains("intercompany-agreed signed off by \(DashboardFixture.approver)."))
            #expect(signed.body.contains("\(DashboardFixture.approver) at ") && signed.body.contains(": No intercompany partners this month"))
        }
    }

    @Test func hostileTextIsEscapedOnEveryPage() async throws {
        try await DashboardFixture.run { fixture in
            let hostile = #"<script>alert("owned")</script><img src=x onerror=alert(1)>"#
            try fixture.store.addUser(login: "mallory", name: hostile, roles: [.viewer], odooUserID: nil, actor: DashboardFixture.admin)
            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.viewer, password: DashboardFixture.password)
            let audit = try await client.get("/audit")
            #expect(audit.status == 200 && audit.body.contains("Verified: all"))
            #expect(!audit.body.contains("<script>alert"))
            #expect(!audit.body.contains("<img src=x"))
            #expect(audit.body.contains("&lt;script&gt;alert("))
        }
    }

    @Test func escapingCoversMarkupAndQuotes() {
        let value = #"<a href="x" onclick='y'>&"#
        let html: HTML = "<p title=\"\(value)\">\(value)</p>"
        #expect(html.markup == #"<p title="&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;">&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;</p>"#)
        #expect(HTML.externalLink("javascript:alert(1)", "x").markup == "x")
    }

    @Test func signingOutEndsTheSession() async throws {
        try await DashboardFixture.run { fixture in
            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.viewer, password: DashboardFixture.password)
            let page = try await client.get("/checklist")
            #expect(page.status == 200 && page.body.contains("id=\"checklist\""))
            let sessionID = try #require(client.cookie(SessionAuthenticator.sessionCookie))
            #expect(try fixture.store.webSession(id: sessionID)?.user.login == DashboardFixture.viewer)
            let out = try await client.post("/logout", form: ["csrf": try DashboardClient.csrfToken(in: page.body)])
            #expect(out.status == 303 && out.location == "/login")
            #expect(try fixture.store.webSession(id: sessionID) == nil)
            #expect(try await client.get("/checklist").location == "/login")
        }
    }
}

/// The close package and the outgoing webhooks' dead letters, as the dashboard shows them.
@Suite struct DashboardPackageAndWebhooksTests {
    @Test func theClosePackageOpensFromTheDashboard() async throws {
        try await DashboardFixture.run { fixture in
            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.viewer, password: DashboardFixture.password)
            let page = try await client.get("/package")
            #expect(page.status == 200 && page.body.contains("close-package.json") && page.body.contains(fixture.period.description))
            let package = try await client.get("/package/files/close-package.html")
            #expect(package.status == 200 && package.body.contains("<svg"))
            #expect(try await client.get("/package/files/nothing.csv").status == 404)
        }
    }

    @Test func theSchedulersHistoryShowsSkippedOverlaps() async throws {
        try await DashboardFixture.run { fixture in
            _ = try fixture.store.startScheduledRun(schedule: "nightly-close", sourceKey: fixture.source, period: fixture.period.description,
                                                    slot: Date(timeIntervalSince1970: 1_793_500_200), status: .skippedOverlap,
                                                    summary: "a run of the company was still going")
            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.viewer, password: DashboardFixture.password)
            let page = try await client.get("/runs")
            #expect(page.status == 200 && page.body.contains("nightly-close") && page.body.contains("skipped-overlap"))
            #expect(page.body.contains("a run of the company was still going"))
        }
    }

    @Test func deadLettersAreListedAndOnlyAnAdminSendsThemAgain() async throws {
        try await DashboardFixture.run { fixture in
            let event = WebhookEvent(key: "finding.opened:test", type: .findingOpened, source: fixture.source, period: fixture.period.description,
                                     occurredAt: "2026-11-02T00:00:00.000Z", details: ["check": "draft-in-period"])
            _ = try fixture.store.enqueueWebhookEvents([event], targets: [WebhookTarget(url: URL(string: "https://n8n.example/hook?token=s3cret")!,
                                                                                       events: [.findingOpened])])
            let delivery = try #require(try fixture.store.webhookDeliveries(status: .pending).first)
            _ = try fixture.store.recordDeliveryAttempt(id: delivery.id, outcome: .failed(error: "HTTP 500", retryAt: nil), actor: "closer-agent")

            let client = DashboardClient(server: fixture.server)
            try await client.signIn(login: DashboardFixture.approver, password: DashboardFixture.password)
            let page = try await client.get("/webhooks")
            #expect(page.status == 200 && page.body.contains("HTTP 500") && page.body.contains("n8n.example"))
            #expect(!page.body.contains("s3cret"), "the target's token is not shown")
            #expect(!page.body.contains("Send again"), "only an admin re-queues")
            let refused = try await client.post("/webhooks/\(delivery.id)/requeue", form: ["csrf": try DashboardClient.csrfToken(in: page.body)])
            #expect(refused.status == 403)
            #expect(try fixture.store.webhookDeliveries(status: .dead).map(\.id) == [delivery.id])
        }
    }
}
