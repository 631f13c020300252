import BrowserSupport
import Foundation
import Testing
import CloseStore

/// A person approves a proposal in a real browser: signs in, opens the proposal, clicks Approve, sees
/// it approved; the store and its audit trail then say who approved it. Then releases a blocked bill
/// from the Payables queue.
@Suite struct DashboardBrowserTests {
    @Test(.enabled(if: WebDriver.isAvailable,
                   "Skipped: no chromium and chromedriver on PATH (Debian: apt-get install chromium chromium-driver)."),
          .timeLimit(.minutes(3)))
    func anApproverApprovesAProposalInTheBrowser() async throws {
        try await DashboardFixture.runLive { fixture in
            let proposal = try fixture.approvableProposal()
            #expect(proposal.preparedBy == DashboardFixture.preparer)
            try SeededBills.seed(fixture.store, source: fixture.source)
            let browser = try await WebDriver()
            do {
                try await browser.navigate(to: fixture.baseURL.appendingPathComponent("proposals"))
                #expect(try await browser.currentURL().hasSuffix("/login"))
                try await browser.type(DashboardFixture.approver, into: "#login")
                try await browser.type(DashboardFixture.password, into: "#password")
                try await browser.click("#sign-in")
                let signedIn = try await browser.text(of: "#signed-in") { $0.hasPrefix(DashboardFixture.approver) }
                #expect(signedIn.hasPrefix(DashboardFixture.approver), "signed in as: \(signedIn)")

                try await browser.navigate(to: URL(string: "/proposals/\(proposal.id)?source=\(fixture.source)", relativeTo: fixture.baseURL)!)
                #expect(try await browser.text(of: "#proposal-status") == "proposed")
                try await browser.click("#approve")
                let status = try await browser.text(of: "#proposal-status") { $0 == "approved" }
                #expect(status == "approved")
                #expect(try await browser.text(of: "#notice") == "Approved by \(DashboardFixture.approver).")
                try await browser.navigate(to: URL(string: "/audit?actor=\(DashboardFixture.approver)", relativeTo: fixture.baseURL)!)
                #expect(try await browser.text(of: "#audit").contains("adjustment.approved"))

                // The Payables queue: a blocked bill released with a reason.
                try await browser.navigate(to: fixture.baseURL.appendingPathComponent("payables"))
                try await browser.type("Rest of the delivery arrived", into: "#release-reason-\(SeededBills.overReceived)")
                try await browser.click("#release-\(SeededBills.overReceived)")
                let released = try await browser.text(of: "#notice") { $0.contains("released by") }
                #expect(released.hasSuffix("released by \(DashboardFixture.approver): it may be paid."), "\(released)")
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()

            #expect(try fixture.store.adjustment(id: proposal.id, sourceKey: fixture.source).status == .approved)
            let approval = try #require(try fixture.store.auditEvents().last { $0.action == "adjustment.approved" })
            #expect(approval.actor == DashboardFixture.approver)
            #expect(approval.targets.contains { $0.id == String(proposal.id) })
            #expect(try fixture.store.billReview(sourceKey: fixture.source, billID: SeededBills.overReceived)?.release?.by == DashboardFixture.approver)
            #expect(try fixture.store.verifyAuditTrail().isIntact)
        }
    }

    @Test(.enabled(if: WebDriver.isAvailable,
                   "Skipped: no chromium and chromedriver on PATH (Debian: apt-get install chromium chromium-driver)."),
          .timeLimit(.minutes(3)))
    func anApproverApprovesAPaymentRunInTheBrowser() async throws {
        try await DashboardFixture.runLive { fixture in
            let run = try SeededPaymentRuns.propose(fixture.store, source: fixture.source, proposer: DashboardFixture.preparer)
            let browser = try await WebDriver()
            do {
                try await browser.navigate(to: fixture.baseURL.appendingPathComponent("payments"))
                try await browser.type(DashboardFixture.approver, into: "#login")
                try await browser.type(DashboardFixture.password, into: "#password")
                try await browser.click("#sign-in")
                _ = try await browser.text(of: "#signed-in") { $0.hasPrefix(DashboardFixture.approver) }
                try await browser.navigate(to: fixture.baseURL.appendingPathComponent("payments/runs/\(run.id)"))
                #expect(try await browser.text(of: "#run-status") == "proposed")
                try await browser.click("#approve-run")
                #expect(try await browser.text(of: "#run-status") { $0 == "approved" } == "approved")
                #expect(try await browser.text(of: "#notice").hasPrefix("\(run.reference) approved by \(DashboardFixture.approver)"))
                #expect(try await browser.text(of: "#pain001-1").contains("Bank EUR"))
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
            #expect(try fixture.store.paymentRun(id: run.id).approved?.by == DashboardFixture.approver)
            #expect(try fixture.store.auditEvents().contains { $0.action == "treasury.payment.run.approved" && $0.actor == DashboardFixture.approver })
        }
    }
}
