import Treasury
import CloseSettings
import CloseStore
import CloseWorkflows
import Governance
import Hummingbird
import Ledger
import Markup

extension DashboardRoutes {
    /// The vendors' bank accounts held by a change, with what releases each and a verify form for those whose role may.
    @Sendable func bankChanges(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        try bankChangesPage(session: session)
    }

    /// Records the signed-in user's verification, as `closer payments verify` does; refused to whoever changed the account.
    @Sendable func verifyBankAccount(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        do {
            guard let accountID = context.parameters.get("accountID", as: Int.self), accountID > 0 else {
                throw APIError.badParameter("accountID", "must be a bank account's id in Odoo (a positive whole number)")
            }
            guard let odoo = configuration.odoo else { throw APIError.noOdoo("Verifying a bank account") }
            let verification = try await BankDetailsService(store: store, settings: odoo).verify(accountID: accountID, channel: form["channel"] ?? "",
                                                                                                actor: session.user.login)
            let text = "Recorded: \(verification.by) verified bank account \(verification.accountID) by \(verification.channel)."
            return try bankChangesPage(session: session, notice: .init(text: text, isError: false)).response()
        } catch {
            let refusal = Self.refusal(error, context: context)
            return try bankChangesPage(session: session, notice: .init(text: refusal.message, isError: true), status: refusal.status).response()
        }
    }

    private func bankChangesPage(session: WebSession, notice: HTMLPage.Notice? = nil, status: HTTPResponse.Status = .ok) throws -> HTMLPage {
        let held = try HeldBankAccounts(store: store, coolOffDays: configuration.ruleSet.treasury.coolOffDays).list(asOf: .todayUTC())
        let mayVerify = !session.user.roles.isDisjoint(with: CloserAction.verifyBankDetails.roles)
        let rows = held.map { account -> HTML in
            let checks = account.verifications.map { check -> HTML in "<li>\(check.by) (\(check.channel)) at \(check.at)</li>" }
            let verify: HTML = mayVerify && account.unverified ? """
                <form method="post" action="/payments/bank-accounts/\(account.accountID)/verify" class="decide">\(HTMLPage.csrfField(session))
                <input type="text" name="channel" id="channel-\(account.accountID)" placeholder="How you confirmed it with the vendor">
                <button type="submit" id="verify-\(account.accountID)">Verified</button></form>
                """ : ""
            return """
                <tr id="account-\(account.accountID)"><td>\(account.vendor ?? "partner \(account.partnerID)")<br><small>\(account.sourceKey)</small></td>
                <td>\(account.number ?? "account \(account.accountID)")\(account.holder.map { "<br><small>\($0)</small>" as HTML } ?? "")</td>
                <td>\(account.changeWords)\(account.detail.map { "<br><small>\($0)</small>" as HTML } ?? "")</td>
                <td>\(account.changedBy.joined(separator: ", "))</td><td>\(account.changedAt)</td>
                <td><ul>\(checks)</ul></td><td>\(account.releasedBy)\(verify)</td></tr>
                """
        }
        return HTMLPage(title: "Bank changes", session: session, status: status, notice: notice, body: """
            <p>Vendors' bank accounts whose payments are held: added, given a new number or holder, and not yet confirmed with the vendor by
            someone other than whoever changed them, or still in the \(configuration.ruleSet.treasury.coolOffDays)-day cool-off. Confirm by a
            channel the change request did not give (the number on an earlier contract), then record it here. Changes are found when a payment
            run is proposed.</p>
            <table id="held-accounts"><tr><th>Vendor</th><th>Account</th><th>Change</th><th>Changed by</th><th>Since</th><th>Verified</th>
            <th>Released by</th></tr>\(rows)</table>
            \(held.isEmpty ? "<p>No account is held.</p>" as HTML : "")
            """)
    }
}
