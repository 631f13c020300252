import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Hummingbird
import Ledger
import Markup
import Receivables

extension DashboardRoutes {
    /// Credit holds: open ones by default, oldest first, with why, each step's who and when, where the block stands
    /// in Odoo, and one-click approve (or reject, with a reason) for those whose role may decide.
    @Sendable func creditHolds(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        try creditHoldsPage(request, session: session)
    }

    /// Approves or rejects a hold as the signed-in user, as `closer collections holds approve|reject` does; the page comes back
    /// with what happened, or with the refusal's sentence (their own proposal, not proposed, no reason).
    @Sendable func decideCreditHold(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        guard let id = context.parameters.get("holdID", as: Int64.self) else { throw APIError.badParameter("holdID", "must be a number") }
        do {
            let hold = form["decision"] == "reject"
                ? try CreditHoldService.reject(store: store, id: id, reason: form["reason"] ?? "", actor: session.user.login)
                : try await CreditHoldService.approve(store: store, settings: configuration.odoo, id: id, actor: session.user.login)
            let text = "\(hold.title.prefix(1).uppercased() + hold.title.dropFirst()) \(hold.status.rawValue) by \(session.user.login)."
            return try creditHoldsPage(request, session: session, notice: .init(text: text, isError: false)).response()
        } catch {
            let refusal = Self.refusal(error, context: context)
            return try creditHoldsPage(request, session: session, notice: .init(text: refusal.message, isError: true), status: refusal.status).response()
        }
    }

    private func creditHoldsPage(_ request: Request, session: WebSession, notice: HTMLPage.Notice? = nil,
                                 status: HTTPResponse.Status = .ok) throws -> HTMLPage {
        let filter = request.query("status") ?? "open"
        guard let statuses = CreditHoldStatus.named(filter) else { throw APIError.badParameter("status", "must be \(CreditHoldStatus.filterNames)") }
        let holds = try store.creditHolds(sourceKey: request.namedSourceKey, statuses: statuses)
        let mayDecide = !session.user.roles.isDisjoint(with: CloserAction.decideCreditHold.roles)
        let query = HTML.query([("source", request.namedSourceKey?.text), ("status", filter)])
        let rows = holds.map { hold -> HTML in
            let steps = hold.steps.map { name, step -> HTML in "<li>\(name) by \(step.by) at \(step.at)\(step.reason.map { ": \($0)" as String })</li>" }
            return """
                <tr id="hold-\(hold.id)"><td>#\(hold.id)</td><td>\(hold.partnerName)<br><small>\(hold.sourceKey)</small></td>
                <td class="num">\(hold.exposure) \(hold.currency)</td><td class="num">\(hold.limit.map { "\($0) \(hold.currency)" as String } ?? "none")</td>
                <td><ul>\(hold.reasons.map { reason -> HTML in "<li>\(reason)</li>" })</ul></td>
                <td class="\(hold.status.rawValue)">\(hold.status.rawValue)\(hold.odooBlock.map { " (Odoo: \($0.rawValue))" as String })</td>
                <td><ul>\(steps)</ul></td><td>\(decideCell(hold, query: query, session: session, mayDecide: mayDecide))</td></tr>
                """
        }
        let options = ["open", "proposed", "approved", "applied", "released", "rejected", "all"].map { option -> HTML in
            #"<option value="\#(option)"\#(option == filter ? " selected" : "")>\#(option)</option>"#
        }
        return HTMLPage(title: "Credit holds", session: session, status: status, notice: notice, body: """
            <p>Customers over their credit limit (receivable plus confirmed orders not yet invoiced) or more than \
            \(configuration.ruleSet.receivables.credit.seriouslyOverdueDays) days overdue (<code>receivables.credit</code>). An approved hold \
            is set in Odoo as the customer's blocking sales warning, which a new quotation shows at once; Closer releases it when the customer \
            is back within policy and puts back the warning that was there before. Nobody approves a hold they proposed.</p>
            <form method="get" action="/collections/holds"><label>Status <select name="status">\(options)</select></label>
            <button type="submit">Filter</button></form>
            <p>\(holds.count) holds</p>
            <table id="credit-holds"><tr><th>Hold</th><th>Customer</th><th>Exposure</th><th>Limit</th><th>Why</th><th>Status</th><th>Steps</th>
            <th>Decide</th></tr>\(rows)</table>
            """)
    }

    /// Approve in one click, or reject with a reason, for a proposed hold and a user whose role may decide.
    private func decideCell(_ hold: CreditHold, query: String, session: WebSession, mayDecide: Bool) -> HTML {
        guard hold.status == .proposed, mayDecide else { return "" }
        return """
            <form method="post" action="/collections/holds/\(hold.id)/decide\(query)" class="decide">\(HTMLPage.csrfField(session))
            <button type="submit" name="decision" value="approve" id="approve-hold-\(hold.id)">Approve</button>
            <input type="text" name="reason" id="reject-reason-\(hold.id)" placeholder="Why not (to reject)">
            <button type="submit" name="decision" value="reject" id="reject-hold-\(hold.id)">Reject</button></form>
            """
    }
}
