import CloseChecks
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Hummingbird
import Ledger
import Markup

extension DashboardRoutes {
    /// Dismisses a finding as the signed-in user, as `closer findings dismiss` does; the findings page comes back with what
    /// the next check will set aside, or with the refusal's sentence (no reason, no expiry for a whole check, not their role).
    @Sendable func dismissFinding(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        do {
            guard let scope = try DashboardScope.read(request, store: store, defaultPeriod: store.latestCheckedPeriod) else {
                throw APIError.badParameter("source", "names no pulled ledger")
            }
            guard let choice = form["scope"].flatMap(DismissalScope.Choice.init(rawValue:)) else {
                throw APIError.badParameter("scope", "must be record, partner, account or kind")
            }
            let until = try form["until"].flatMap { $0.isEmpty ? nil : $0 }.map { text in
                guard let date = LocalDate(iso: text) else { throw APIError.badParameter("until", "must be a date, YYYY-MM-DD") }
                return date
            }
            let dismissal = try FindingsService(store: store, actor: session.user.login).dismiss(
                fingerprint: form["fingerprint"] ?? "", scope: choice, reason: form["reason"] ?? "", until: until, sourceKey: scope.source,
                period: scope.period, asOf: .todayUTC(), rules: configuration.ruleSet.triage)
            let text = "Dismissal #\(dismissal.id): \(dismissal.summary(on: .todayUTC())). The next check sets aside what it covers."
            return try findingsPage(request, session: session, notice: .init(text: text, isError: false)).response()
        } catch {
            let refusal = Self.refusal(error, context: context)
            return try findingsPage(request, session: session, notice: .init(text: refusal.message, isError: true), status: refusal.status).response()
        }
    }

    /// Withdraws a dismissal as the signed-in user (whoever made it, or a controller): the next check shows what it hid.
    @Sendable func withdrawDismissal(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        do {
            guard let id = context.parameters.get("dismissalID", as: Int64.self),
                  let scope = try DashboardScope.read(request, store: store, defaultPeriod: store.latestCheckedPeriod) else {
                throw APIError.badParameter("dismissalID", "must be a dismissal's number")
            }
            let dismissal = try FindingsService(store: store, actor: session.user.login).withdrawDismissal(id: id, sourceKey: scope.source)
            let text = "Dismissal #\(dismissal.id) withdrawn: the next check shows what it set aside."
            return try findingsPage(request, session: session, notice: .init(text: text, isError: false)).response()
        } catch {
            let refusal = Self.refusal(error, context: context)
            return try findingsPage(request, session: session, notice: .init(text: refusal.message, isError: true), status: refusal.status).response()
        }
    }

    /// The Dismiss form of a finding (none on a dismissal's own note): scope, reason, last day.
    func dismissForm(_ finding: Finding, _ scope: DashboardScope, _ session: WebSession) -> HTML {
        guard !finding.isSetAsideNote else { return "" }
        let choices = DismissalScope.Choice.allCases.map { choice -> HTML in #"<option value="\#(choice.rawValue)">\#(choice.rawValue)</option>"# }
        return """
            <details class="dismiss"><summary>Dismiss</summary><form method="post" action="/findings/dismissals\(scope.query)">\(HTMLPage.csrfField(session))
            <input type="hidden" name="fingerprint" value="\(finding.fingerprint)">
            <label>Scope <select name="scope">\(choices)</select></label>
            <label>Reason <input type="text" name="reason" required></label>
            <label>Until <input type="date" name="until"></label>
            <button type="submit">Dismiss</button></form></details>
            """
    }

    /// The ledger's dismissals standing, each with a Withdraw button for those who act on findings.
    func dismissalsSection(_ scope: DashboardScope, session: WebSession) throws -> HTML {
        let dismissals = try store.findingDismissals(sourceKey: scope.source)
        guard !dismissals.isEmpty else { return "" }
        let today = LocalDate.todayUTC()
        let rows = dismissals.map { dismissal -> HTML in
            """
            <tr id="dismissal-\(dismissal.id)"><td>#\(dismissal.id)</td><td>\(dismissal.checkID)</td><td>\(dismissal.scope.description)</td>
            <td>\(dismissal.reason)</td><td>\(dismissal.until.map { $0.description } ?? "")\(dismissal.holds(on: today) ? "" : " (expired)")</td>
            <td>\(dismissal.decidedBy) at \(dismissal.decidedAt)</td>
            <td><form method="post" action="/findings/dismissals/\(dismissal.id)/withdraw\(scope.query)">\(HTMLPage.csrfField(session))
            <button type="submit" id="withdraw-dismissal-\(dismissal.id)">Withdraw</button></form></td></tr>
            """
        }
        return """
            <h2>Dismissals</h2><p>What the next check sets aside, one line each after the first screen; withdraw one to see its findings again.</p>
            <table id="dismissals"><tr><th>#</th><th>Check</th><th>Scope</th><th>Reason</th><th>Until</th><th>By</th><th></th></tr>\(rows)</table>
            """
    }
}
