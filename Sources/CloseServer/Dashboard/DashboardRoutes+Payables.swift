import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Hummingbird
import Ledger
import Markup
import Payables

extension DashboardRoutes {
    /// The intake's exception queue: blocked bills first and oldest first, with owner, age against the
    /// SLA and reasons, filtered by status and vendor, and a release form for those who may release.
    @Sendable func payables(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        try payablesPage(request, session: session)
    }

    /// Releases a blocked bill as the signed-in user, as `closer payables release` does; the queue comes
    /// back with what happened, or with the refusal's sentence (their own bill, not blocked, no reason).
    @Sendable func releaseBill(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        guard let billID = context.parameters.get("billID", as: Int.self) else { throw APIError.badParameter("billID", "must be a number") }
        do {
            let ledger = try form["ledger"].map { SourceKey($0) } ?? request.sourceKey(in: store)
            let review = try await PaymentBlockService.release(store: store, settings: configuration.odoo, sourceKey: ledger,
                                                               billID: billID, reason: form["reason"] ?? "", actor: session.user.login)
            let text = "\(review.verdict.bill.title) released by \(session.user.login): it may be paid."
            return try payablesPage(request, session: session, notice: .init(text: text, isError: false)).response()
        } catch {
            let refusal = Self.refusal(error, context: context)
            return try payablesPage(request, session: session, notice: .init(text: refusal.message, isError: true), status: refusal.status).response()
        }
    }

    /// Approves or rejects the level a bill waits at, as `closer payables approve` does; the page comes back
    /// with what happened, or with the refusal's sentence (their own bill, a second level, no comment).
    @Sendable func decideBill(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        guard let billID = context.parameters.get("billID", as: Int.self) else { throw APIError.badParameter("billID", "must be a number") }
        do {
            let ledger = try form["ledger"].map { SourceKey($0) } ?? request.sourceKey(in: store)
            let approve = form["decision"] == "approve"
            let comment = form["comment"].flatMap { $0.isEmpty ? nil : $0 }
            let approval = try store.decideBillApproval(sourceKey: ledger, billID: billID, approve: approve, comment: comment, by: session.user.login)
            let text = "\(approval.facts.billTitle) \(approve ? "approved" : "rejected") by \(session.user.login): \(approval.status.rawValue)."
            return try payablesPage(request, session: session, notice: .init(text: text, isError: false)).response()
        } catch {
            let refusal = Self.refusal(error, context: context)
            return try payablesPage(request, session: session, notice: .init(text: refusal.message, isError: true), status: refusal.status).response()
        }
    }

    private func payablesPage(_ request: Request, session: WebSession, notice: HTMLPage.Notice? = nil,
                              status: HTTPResponse.Status = .ok) throws -> HTMLPage {
        let statusFilter = request.query("status") ?? "open"
        let statuses = try APIRoutes.holdStatuses(request, default: "open")
        let vendor = request.query("vendor")
        let queue = BillHoldQueue(store: store, rules: configuration.ruleSet.payables.intake)
        let entries = try queue.entries(sourceKey: request.namedSourceKey, statuses: statuses, vendor: vendor)
        let mayRelease = !session.user.roles.isDisjoint(with: CloserAction.releaseBill.roles)
        let filters = HTML.query([("source", request.namedSourceKey?.text), ("status", statusFilter), ("vendor", vendor)])
        let rows = entries.map { entry -> HTML in
            """
            <tr id="bill-\(entry.billID)"><td>\(entry.bill)\(entry.reference.map { " (ref \($0))" as String })<br><small>\(entry.source)</small></td>
            <td>\(entry.vendor)</td><td class="num">\(entry.amount) \(entry.currency)</td>
            <td class="\(entry.status.rawValue)">\(entry.status.rawValue)\(entry.action.map { " (\($0.rawValue))" as String })</td>
            <td>\(entry.owner ?? "unassigned")</td><td class="num">\(entry.ageDays.map { "\($0) d" as String })</td>
            <td class="\(entry.overdue ? "overdue" : "")">\(slaText(entry))</td>
            <td><ul>\(entry.reasons.map { reason -> HTML in "<li>\(reason)</li>" })</ul></td>
            <td>\(releaseCell(entry, filters: filters, session: session, mayRelease: mayRelease))</td></tr>
            """
        }
        return HTMLPage(title: "Payables", session: session, status: status, notice: notice, body: """
            <p>Vendor bills the intake checked (<code>closer payables intake</code>, or Odoo's webhook on a bill): blocked ones first, \
            oldest first. A blocked bill waits for its problem to be fixed or for someone other than its preparer to release it; the SLA \
            is \(configuration.ruleSet.payables.intake.slaDays) days (<code>payables.intake.sla_days</code>).</p>
            \(holdFilterForm(request.namedSourceKey?.text, status: statusFilter, vendor: vendor))
            <p>\(entries.count) bills</p>
            <table id="bill-holds"><tr><th>Bill</th><th>Vendor</th><th>Amount</th><th>Status</th><th>Owner</th><th>Age</th><th>SLA</th><th>Reasons</th>
            <th>Release</th></tr>\(rows)</table>
            \(try approvalSection(request, session: session, filters: filters))
            """)
    }

    /// The bills waiting on their approval route, oldest first, with an approve/reject form for those whose role may decide.
    private func approvalSection(_ request: Request, session: WebSession, filters: String) throws -> HTML {
        let entries = try BillApprovalQueue(store: store).entries(sourceKey: request.namedSourceKey, statuses: [.pending])
        let mayDecide = !session.user.roles.isDisjoint(with: CloserAction.approveBill.roles)
        let rows = entries.map { entry -> HTML in
            let waiting = entry.waiting
            let form: HTML = !mayDecide || waiting == nil ? "" : """
                <form method="post" action="/payables/\(entry.billID)/decide\(filters)" class="decide">\(HTMLPage.csrfField(session))
                <input type="hidden" name="ledger" value="\(entry.source)">
                <input type="text" name="comment" id="approval-comment-\(entry.billID)" placeholder="Comment (required to reject)">
                <button type="submit" name="decision" value="approve" id="approve-\(entry.billID)">Approve</button>
                <button type="submit" name="decision" value="reject" id="reject-\(entry.billID)">Reject</button></form>
                """
            return """
                <tr id="approval-\(entry.billID)"><td>\(entry.bill)<br><small>\(entry.source)</small></td><td class="num">\(entry.amount) \(entry.currency)</td>
                <td>\(waiting.map { "level \($0.level) of \($0.of): \($0.roles.joined(separator: " or "))" as String })</td>
                <td>\(waiting?.reason)</td><td class="num">\(entry.ageDays) d</td><td>\(entry.preparer ?? "")</td><td>\(form)</td></tr>
                """
        }
        return """
            <h2>Waiting for approval</h2>
            <p>\(entries.count) bills on their approval route (<code>payables.approval</code>); nobody approves a bill they entered, \
            nor two levels of one bill.</p>
            <table id="bill-approvals"><tr><th>Bill</th><th>Amount</th><th>Waiting for</th><th>Why</th><th>Age</th><th>Preparer</th><th>Decide</th></tr>\(rows)</table>
            """
    }

    private func slaText(_ entry: BillHoldQueue.Entry) -> String {
        guard entry.status == .blocked, let age = entry.ageDays else { return "" }
        return entry.overdue ? "overdue by \(age - entry.slaDays) d" : "\(entry.slaDays - age) d left"
    }

    /// Who released the bill and why; for a blocked bill, the form (reason required) to those whose role may release.
    private func releaseCell(_ entry: BillHoldQueue.Entry, filters: String, session: WebSession, mayRelease: Bool) -> HTML {
        if let release = entry.release { return "\(release.by) at \(release.at): \(release.reason)" }
        guard entry.status == .blocked, mayRelease else { return "" }
        // The bill's ledger goes in the body: the address keeps the queue's own filters for the page that comes back.
        return """
            <form method="post" action="/payables/\(entry.billID)/release\(filters)" class="decide">\(HTMLPage.csrfField(session))
            <input type="hidden" name="ledger" value="\(entry.source)">
            <input type="text" name="reason" id="release-reason-\(entry.billID)" placeholder="Why it may be paid (required)" required>
            <button type="submit" id="release-\(entry.billID)">Release</button></form>
            """
    }

    private func holdFilterForm(_ source: String?, status: String, vendor: String?) -> HTML {
        let options = ["open", "blocked", "warned", "released", "clear", "all"].map { option -> HTML in
            #"<option value="\#(option)"\#(option == status ? " selected" : "")>\#(option)</option>"#
        }
        let sourceField: HTML = source.map { value -> HTML in #"<input type="hidden" name="source" value="\#(value)">"# } ?? ""
        return """
            <form method="get" action="/payables">\(sourceField)
            <label>Status <select name="status">\(options)</select></label>
            <label>Vendor <input type="text" name="vendor" value="\(vendor)"></label>
            <button type="submit">Filter</button></form>
            """
    }
}
