import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Hummingbird
import Ledger
import Markup

extension DashboardRoutes {
    /// Payment runs, newest first, and a form to propose one for those whose role may.
    @Sendable func paymentRuns(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        try paymentRunsPage(session: session)
    }

    /// Proposes a run as the signed-in user, as `closer payments propose` does; the new run's page comes back, or the runs with the refusal.
    @Sendable func proposePaymentRun(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        do {
            let execution = try APIRoutes.day(form["executionDate"], "executionDate") ?? .todayUTC()
            let payBy = try APIRoutes.day(form["payBy"], "payBy") ?? execution
            let journal = try form["journalID"].map { text in
                guard let id = Int(text), id > 0 else { throw APIError.badParameter("journalID", "must be a bank journal's id (a positive whole number)") }
                return id
            }
            guard let odoo = configuration.odoo else { throw APIError.noOdoo("Proposing a payment run") }
            let run = try await PaymentRunService(store: store, settings: odoo, rules: configuration.ruleSet.treasury)
                .propose(executionDate: execution, payBy: payBy, journalID: journal, actor: session.user.login)
            return try paymentRunPage(run, session: session, notice: .init(text: "Proposed \(run.reference): it waits for a second person's approval.",
                                                                           isError: false)).response()
        } catch {
            let refusal = Self.refusal(error, context: context)
            return try paymentRunsPage(session: session, notice: .init(text: refusal.message, isError: true), status: refusal.status).response()
        }
    }

    /// One run in full: its groups and payments, the bills left out and why, the decision form and the bank files.
    @Sendable func paymentRun(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        try paymentRunPage(try store.paymentRun(id: try APIRoutes.runID(context)), session: session)
    }

    /// Approves (and outside audit mode pays) or rejects a run as the signed-in user, under the same separation of duties as the CLI.
    @Sendable func decidePaymentRun(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        let id = try APIRoutes.runID(context)
        do {
            let run = form["decision"] == "reject"
                ? try PaymentRunService.reject(store: store, id: id, reason: form["reason"] ?? "", actor: session.user.login)
                : try await PaymentRunService.approve(store: store, settings: configuration.odoo, id: id, actor: session.user.login)
            let text = run.status == .approved && form["decision"] != "reject"
                ? "\(run.reference) approved by \(session.user.login); nothing is paid in Odoo yet (audit mode or no Odoo connection): approve it again where Closer writes."
                : "\(run.reference) \(run.status.rawValue) by \(session.user.login)."
            return try paymentRunPage(run, session: session, notice: .init(text: text, isError: false)).response()
        } catch {
            let refusal = Self.refusal(error, context: context)
            return try paymentRunPage(try store.paymentRun(id: id), session: session, notice: .init(text: refusal.message, isError: true),
                                      status: refusal.status).response()
        }
    }

    /// The run's pain.001 file number `file` (from 1), as the API serves it.
    @Sendable func paymentRunFile(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> Response {
        guard let number = context.parameters.get("file", as: Int.self) else { throw APIError.badParameter("file", "must be a file's number, from 1") }
        return try APIRoutes.creditTransferFile(try store.paymentRun(id: try APIRoutes.runID(context)), number: number)
    }

    private func paymentRunsPage(session: WebSession, notice: HTMLPage.Notice? = nil, status: HTTPResponse.Status = .ok) throws -> HTMLPage {
        let runs = try store.paymentRuns().map(PaymentRunJSON.init)
        let rows = runs.map { run -> HTML in
            let totals = run.groups.map { "\($0.total) \($0.currency) from \($0.journal)" }.joined(separator: "; ")
            return """
                <tr id="run-\(run.id)"><td><a href="/payments/runs/\(run.id)">\(run.reference)</a><br><small>\(run.sourceKey)</small></td>
                <td class="\(run.status)">\(run.status)</td><td>\(run.executionDate)</td>
                <td class="num">\(run.groups.reduce(0) { $0 + $1.payments.count })</td><td>\(totals)</td><td class="num">\(run.leftOut.count)</td>
                <td>\(run.proposed.by) at \(run.proposed.at)</td></tr>
                """
        }
        let mayPropose = !session.user.roles.isDisjoint(with: CloserAction.proposePayments.roles)
        let propose: HTML = mayPropose ? """
            <h2>Propose a run</h2>
            <form method="post" action="/payments/propose" id="propose-run">\(HTMLPage.csrfField(session))
            <label>Executed on <input type="date" name="executionDate"></label> <label>Pay bills due by <input type="date" name="payBy"></label>
            <label>Bank journal id <input type="text" name="journalID" placeholder="default: by currency"></label>
            <button type="submit">Propose</button></form>
            <p><small>Reads Odoo, records the vendors' bank-detail changes and runs the pre-flight checks; nothing is paid until another approver
            or controller approves it.</small></p>
            """ : ""
        return HTMLPage(title: "Payments", session: session, status: status, notice: notice, body: """
            <p>Payment runs: the bills due, each through the pre-flight checks (approved, not held, not paid already, a trusted vendor account
            unchanged for the cool-off and verified by a second person, no lock date, enough on the bank), approved by a third person, paid in
            Odoo once and written as pain.001 files for the bank. <a href="/payments/bank-changes">Bank changes</a> lists the accounts held.</p>
            <table id="payment-runs"><tr><th>Run</th><th>Status</th><th>Executed on</th><th>Payments</th><th>Totals</th><th>Left out</th>
            <th>Proposed</th></tr>\(rows)</table>
            \(runs.isEmpty ? "<p>No payment runs yet.</p>" as HTML : "")
            \(propose)
            """)
    }

    private func paymentRunPage(_ stored: PaymentRun, session: WebSession, notice: HTMLPage.Notice? = nil, status: HTTPResponse.Status = .ok) throws -> HTMLPage {
        let run = PaymentRunJSON(stored)
        let groups = run.groups.map { group -> HTML in
            let payments = group.payments.map { payment -> HTML in
                """
                <tr><td>\(payment.bill)</td><td>\(payment.vendor)</td><td>\(payment.reference)</td><td>\(payment.dueDate)</td>
                <td class="num">\(payment.amount) \(payment.currency)</td><td>\(payment.iban)\(payment.discountTaken ? " (early-payment discount)" : "")</td>
                <td>\(payment.odooPayment ?? "")</td></tr>
                """
            }
            return """
                <h2>\(group.journal) in \(group.currency): \(group.total)</h2>
                <p>\(group.balanceAfter.map { "Left on the account after: \($0) \(group.currency)." } ?? "")</p>
                <table class="payments"><tr><th>Bill</th><th>Vendor</th><th>Reference</th><th>Due</th><th>Amount</th><th>To</th><th>Odoo payment</th></tr>
                \(payments)</table>
                """
        }
        let leftOut = run.leftOut.map { bill -> HTML in
            """
            <tr><td>\(bill.bill)</td><td>\(bill.vendor)</td><td class="num">\(bill.amount) \(bill.currency)</td>
            <td><ul>\(bill.reasons.map { reason -> HTML in "<li>\(reason)</li>" })</ul></td></tr>
            """
        }
        let files = (0..<run.files).map { index -> HTML in
            #"<li><a href="/payments/runs/\#(run.id)/pain001/\#(index + 1)" id="pain001-\#(index + 1)">\#(run.groups[index].journal) (pain.001)</a></li>"#
        }
        let steps = [("proposed", Optional(run.proposed)), ("approved", run.approved), (run.status, run.closed)].compactMap { name, step -> HTML? in
            step.map { "<li>\(name) by \($0.by) at \($0.at)\($0.reason.map { ": \($0)" } ?? "")</li>" }
        }
        return HTMLPage(title: "Payment run \(run.reference)", session: session, status: status, notice: notice, body: """
            <p><a href="/payments">All runs</a> · <span class="\(run.status)" id="run-status">\(run.status)</span> · executed on \(run.executionDate),
            bills due by \(run.payBy) · \(run.notDue) bills not due yet</p>
            <ul>\(steps)</ul>
            \(decideRunForm(stored, session: session))
            \(files.isEmpty ? "" as HTML : "<h2>Files for the bank</h2><ul>\(files)</ul>")
            \(groups)
            <h2>Left out</h2>
            \(leftOut.isEmpty ? "<p>No bill was left out.</p>" as HTML : "<table id=\"left-out\"><tr><th>Bill</th><th>Vendor</th><th>Open</th><th>Why</th></tr>\(leftOut)</table>")
            """)
    }

    /// Approve (or finish paying) and reject, for a run that can still take them and a user whose role may decide.
    private func decideRunForm(_ run: PaymentRun, session: WebSession) -> HTML {
        guard run.status == .proposed || run.status == .approved,
              !session.user.roles.isDisjoint(with: CloserAction.approvePayments.roles) else { return "" }
        let approve: HTML = run.status == .proposed ? "Approve" : "Pay the rest in Odoo"
        return """
            <form method="post" action="/payments/runs/\(run.id)/decide" class="decide">\(HTMLPage.csrfField(session))
            <button type="submit" name="decision" value="approve" id="approve-run">\(approve)</button>
            <input type="text" name="reason" id="reject-run-reason" placeholder="Why not (to reject)">
            <button type="submit" name="decision" value="reject" id="reject-run">Reject</button></form>
            """
    }
}
