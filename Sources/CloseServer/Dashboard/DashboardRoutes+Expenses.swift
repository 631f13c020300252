import CloseSettings
import CloseStore
import CloseWorkflows
import Expenses
import Governance
import Hummingbird
import Ledger
import Markup

extension DashboardRoutes {
    /// The latest expense check's findings per report, and a button to run a check for those whose role may.
    @Sendable func expenses(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        try expensesPage(session: session)
    }

    /// Runs a check of every open report as the signed-in user, as `closer expenses check` does.
    @Sendable func checkExpenses(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        do {
            guard let odoo = configuration.odoo else { throw APIError.noOdoo("Checking expense reports") }
            let report = try await ExpenseCheckService(store: store, settings: odoo, rules: configuration.ruleSet.expenses, actor: session.user.login)
                .check(period: nil, asOf: .todayUTC())
            let text = "\(report.reports.count) expense reports checked: \(report.findingCount) findings."
            return try expensesPage(session: session, notice: .init(text: text, isError: false)).response()
        } catch {
            let refusal = Self.refusal(error, context: context)
            return try expensesPage(session: session, notice: .init(text: refusal.message, isError: true), status: refusal.status).response()
        }
    }

    private func expensesPage(session: WebSession, notice: HTMLPage.Notice? = nil, status: HTTPResponse.Status = .ok) throws -> HTMLPage {
        let latest = try ExpenseCheckService.latest(in: store)
        let mayCheck = !session.user.roles.isDisjoint(with: CloserAction.writeToOdoo.roles)
        let button: HTML = mayCheck ? """
            <form method="post" action="/expenses/check" id="check-expenses">\(HTMLPage.csrfField(session))
            <button type="submit">Check the open reports now</button></form>
            """ : ""
        guard let latest else {
            return HTMLPage(title: "Expenses", session: session, status: status, notice: notice,
                            body: "<p>No expense check yet: run one (or <code>closer expenses check</code>).</p>\(button)")
        }
        let report = latest.report
        let cards = report.reports.filter { !$0.findings.isEmpty }.map { checked -> HTML in
            """
            <div class="card" id="report-\(checked.id)"><strong>\(checked.name)</strong> of \(checked.employee), \(checked.total ?? "empty"),
            \(checked.state)\(checked.approver.map { ", approver \($0)" } ?? "")
            <ul>\(checked.findings.map { finding -> HTML in "<li><code>\(finding.kind.rawValue)</code> \(finding.message)</li>" })</ul></div>
            """
        }
        return HTMLPage(title: "Expenses", session: session, status: status, notice: notice, body: """
            <p>The latest check (\(latest.checkedAt), \(report.period.map { "reports with expenses in \($0)" } ?? "the open reports")):
            \(report.reports.count) reports, \(report.findingCount) findings\(report.writes ? ", each noted on its report in Odoo for its approver" : " (audit mode: nothing noted in Odoo)").
            \(report.approversKnown ? "" : "Odoo did not show who approved the reports: each report's manager stands in for its approver.")</p>
            \(button)
            \(cards.isEmpty ? "<p>Every report checked is within policy.</p>" as HTML : "\(cards)")
            """)
    }
}
