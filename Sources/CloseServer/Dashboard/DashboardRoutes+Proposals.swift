import CloseStore
import CloseWorkflows
import Governance
import Ledger
import OdooRPC
import Foundation
import Hummingbird
import Markup
import CloseSettings
import Adjustments

extension DashboardRoutes {
    /// Adjusting-entry proposals of a company, optionally of one period and status.
    @Sendable func proposals(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        guard let scope = try DashboardScope.read(request, store: store, defaultPeriod: { _ in nil }) else {
            return HTMLPage(title: "Proposals", session: session, body: DashboardScope.nothingPulled)
        }
        let status = request.query("status").flatMap(AdjustmentStatus.init(rawValue:))
        let listed = try store.adjustments(sourceKey: scope.source, period: scope.period, statuses: status.map { [$0] })
        let rows = listed.map { stored -> HTML in
            let proposal = stored.proposal
            return """
                <tr><td><a href="/proposals/\(stored.id)\(HTML.query([("source", scope.source.text)]))">\(stored.id)</a></td>
                <td>\(proposal.kind.rawValue)</td><td>\(proposal.period)</td><td>\(proposal.entry.ref)</td>
                <td class="num">\(proposal.entry.total)</td><td class="num">\(Self.percent(proposal.confidence))</td>
                <td class="\(stored.status.rawValue)">\(stored.status.rawValue)</td><td>\(stored.preparedBy)</td></tr>
                """
        }
        return HTMLPage(title: "Proposals", session: session, body: """
            \(scope.heading)<p>\(listed.count) proposals\(status.map { " \($0.rawValue)" as String } ?? "")</p>
            <table id="proposals"><tr><th>Id</th><th>Kind</th><th>Period</th><th>Entry</th><th>Amount</th><th>Confidence</th><th>Status</th><th>Prepared by</th></tr>
            \(rows)</table>
            """)
    }

    @Sendable func proposal(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        try proposalPage(id: try request.pathID(context), source: try request.sourceKey(in: store), session: session)
    }

    /// Approve or reject as the signed-in user under the approval policy; the page comes back with
    /// what happened, or with the policy's sentence when it refused.
    @Sendable func decideProposal(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        let id = try request.pathID(context)
        let source = try request.sourceKey(in: store)
        let approve = form["decision"] == "approve"
        do {
            let reviewed = try AdjustmentService(store: store, actor: session.user.login)
                .decide(ids: [id], sourceKey: source, approve: approve, note: approve ? form["note"] : form["reason"],
                        policy: configuration.ruleSet.approvals)[0]
            let text = reviewed.outstanding.map { "Your approval is recorded; the policy still needs \($0)." }
                ?? "\(approve ? "Approved" : "Rejected") by \(session.user.login)."
            return try proposalPage(id: id, source: source, session: session, notice: .init(text: text, isError: false)).response()
        } catch {
            let refusal = Self.refusal(error, context: context)
            return try proposalPage(id: id, source: source, session: session, notice: .init(text: refusal.message, isError: true),
                                    status: refusal.status).response()
        }
    }

    /// The proposal side by side: the entry and its calculation on the left; evidence, confidence,
    /// reason, approvals and the decision forms on the right.
    private func proposalPage(id: Int64, source: SourceKey, session: WebSession, notice: HTMLPage.Notice? = nil,
                              status: HTTPResponse.Status = .ok) throws -> HTMLPage {
        let stored = try store.adjustment(id: id, sourceKey: source)
        let proposal = stored.proposal
        let approvals = try store.approvals(of: ProposalRef(.adjustment, id))
        let snapshot = try store.loadSnapshot(sourceKey: source, window: DateRange(proposal.entry.date, proposal.entry.date))
        let accounts = Dictionary(snapshot.accounts.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let partners = Dictionary(snapshot.partners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let lines = proposal.entry.lines.map { line -> HTML in
            """
            <tr><td>\(accounts[line.accountID] ?? "account \(line.accountID)")</td><td>\(line.partnerID.map { partners[$0] ?? "partner \($0)" as String })</td>
            <td>\(line.label)</td><td class="num">\(line.amount.isNegative ? "" : line.amount.description)</td>
            <td class="num">\(line.amount.isNegative ? line.amount.magnitude.description : "")</td></tr>
            """
        }
        let steps = proposal.calculation.map { step -> HTML in "<tr><td>\(step.description)</td><td class=\"num\">\(step.amount)</td></tr>" }
        let evidence = proposal.evidence.map { record -> HTML in
            let linked = record.linked(sourceKey: source)
            return "<li>\(HTML.externalLink(linked.link, "\(linked.model) \(linked.id) \(linked.name)"))</li>"
        }
        let approvedBy = approvals.map { approval -> HTML in "<li>\(approval.login) (\(approval.role.rawValue)) at \(approval.approvedAt)</li>" }
        return HTMLPage(title: "Proposal \(id): \(proposal.kind.rawValue)", session: session, status: status, notice: notice, body: """
            <p><a href="/proposals\(HTML.query([("source", source.text)]))">All proposals</a></p>
            <div class="columns"><div>
            <section class="card"><h2>Entry</h2><p>\(proposal.entry.ref) · journal \(proposal.entry.journalID) · dated \(proposal.entry.date)
            \(proposal.entry.reversalDate.map { " · reversed on \($0)" as String })</p>
            <table id="entry-lines"><tr><th>Account</th><th>Partner</th><th>Label</th><th>Debit</th><th>Credit</th></tr>\(lines)</table></section>
            <section class="card"><h2>Calculation</h2><table id="calculation">\(steps)</table></section>
            </div><div>
            <section class="card"><h2>Review</h2>
            <p>Status: <strong id="proposal-status" class="\(stored.status.rawValue)">\(stored.status.rawValue)</strong>
            \(stored.decidedBy.map { " by \($0)" as String })\(stored.note.map { ": \($0)" as String })</p>
            <p>Confidence: \(Self.percent(proposal.confidence))</p><p>Why: \(proposal.reason)</p>
            <p>Prepared by \(stored.preparedBy ?? "unknown")</p>
            <h3>Approvals of this version</h3>\(approvedBy.isEmpty ? "<p>none yet</p>" : "<ul id=\"approvals\">\(approvedBy)</ul>" as HTML)
            \(stored.status == .proposed ? decisionForms(action: "/proposals/\(id)/decide\(HTML.query([("source", source.text)]))", session: session) : "")
            </section>
            <section class="card"><h2>Evidence</h2><ul id="evidence">\(evidence)</ul></section>
            </div></div>
            """)
    }

    /// Approve (with an optional note) and reject (with a required reason), for users who may decide.
    func decisionForms(action: String, session: WebSession) -> HTML {
        guard !session.user.roles.isDisjoint(with: CloserRole.approving) else {
            return "<p><small>Approving needs the approver or controller role.</small></p>"
        }
        return """
            <form method="post" action="\(action)" class="decide">\(HTMLPage.csrfField(session))<input type="hidden" name="decision" value="approve">
            <input type="text" name="note" placeholder="Note (optional)"> <button type="submit" id="approve">Approve</button></form>
            <form method="post" action="\(action)" class="decide">\(HTMLPage.csrfField(session))<input type="hidden" name="decision" value="reject">
            <input type="text" name="reason" placeholder="Reason (required)" required> <button type="submit" id="reject">Reject</button></form>
            """
    }

    static func percent(_ probability: Double) -> String {
        "\(Int((probability * 100).rounded())) %"
    }
}
