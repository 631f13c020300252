import Governance
import CloseStore
import CloseWorkflows
import Duties
import Hummingbird
import Ledger
import Markup

extension DashboardRoutes {
    /// The segregation-of-duties review, read live from Odoo: each conflict with its evidence and the fix.
    @Sendable func duties(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        guard let odoo = configuration.odoo else { throw APIError.noOdoo("The duties review") }
        let since = try request.date("since") ?? LocalDate.todayUTC().adding(months: -12)
        let report = try await DutiesService(settings: odoo, store: store, actor: session.user.login).review(since: since)
        let cards = report.findings.map { finding -> HTML in
            """
            <div class="card"><strong class="\(finding.kind == .did ? "blocking" : "warning")">\(finding.kind.rawValue)</strong> \(finding.message)
            <ul>\(finding.evidence.map { act -> HTML in "<li>\(act.words)</li>" })</ul><p>Fix: \(finding.fix)</p></div>
            """
        }
        return HTMLPage(title: "Duties", session: session, body: """
            <form method="get" action="/duties"><label>Bills and payments from <input type="date" name="since" value="\(since.description)"></label>
            <button type="submit">Review</button></form>
            <p>\(report.people) Odoo users; \(report.evidenceBasis).</p>
            \(cards.isEmpty ? "<p>No conflict: nobody both alters a vendor and approves or pays its bills.</p>" as HTML : "\(cards)")
            """)
    }
}
