import CloseStore
import CloseWorkflows
import OdooRPC
import Foundation
import Hummingbird
import Markup
import Governance
import CloseSettings
import BankMatching
import Ledger

extension DashboardRoutes {
    /// Bank statement lines with their ranked candidates and the reasons for each, waiting ones first.
    @Sendable func reconciliation(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        try reconciliationPage(request, session: session)
    }

    /// Approve a match's best candidate, or reject it with a reason, under the approval policy.
    @Sendable func decideMatch(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        let approve = form["decision"] == "approve"
        let id = try request.pathID(context)
        do {
            let reviewed = try ReconcileService(store: store, actor: session.user.login)
                .decide(id: id, sourceKey: try request.sourceKey(in: store), approve: approve,
                        note: approve ? form["note"] : form["reason"], policy: configuration.ruleSet.approvals, rules: configuration.ruleSet.matching)
            let text = reviewed.outstanding.map { "Your approval of bank match \(id) is recorded; the policy still needs \($0)." }
                ?? "Bank match \(id) \(approve ? "approved" : "rejected") by \(session.user.login)."
            return try reconciliationPage(request, session: session, notice: .init(text: text, isError: false)).response()
        } catch {
            let refusal = Self.refusal(error, context: context)
            return try reconciliationPage(request, session: session, notice: .init(text: refusal.message, isError: true), status: refusal.status).response()
        }
    }

    private func reconciliationPage(_ request: Request, session: WebSession, notice: HTMLPage.Notice? = nil,
                                    status: HTTPResponse.Status = .ok) throws -> HTMLPage {
        guard let scope = try DashboardScope.read(request, store: store, defaultPeriod: { _ in nil }) else {
            return HTMLPage(title: "Bank reconciliation", session: session, body: DashboardScope.nothingPulled)
        }
        let shownStatus = request.query("status") ?? MatchProposalStatus.proposed.rawValue
        let proposals = try store.matchProposals(sourceKey: scope.source, statuses: MatchProposalStatus(rawValue: shownStatus).map { [$0] } ?? [])
        let statusLinks = MatchProposalStatus.current.map(\.rawValue).map { option -> HTML in
            #"<a href="/reconciliation\#(HTML.query([("source", scope.source.text), ("status", option)]))">\#(option)</a> "#
        }
        let cards = proposals.prefix(Self.matchesShown).map { matchCard($0, source: scope.source, session: session) }
        return HTMLPage(title: "Bank reconciliation", session: session, status: status, notice: notice, body: """
            \(scope.heading)<p>Show: \(statusLinks)</p><p>\(proposals.count) \(shownStatus)\(proposals.count > Self.matchesShown ? ", the first \(Self.matchesShown) shown" : "")</p>
            \(Array(cards))
            """)
    }

    static let matchesShown = 200

    private func matchCard(_ stored: StoredMatchProposal, source: SourceKey, session: WebSession) -> HTML {
        let line = stored.proposal
        let candidates = line.candidates.enumerated().map { rank, candidate -> HTML in
            """
            <tr><td>\(rank + 1)</td><td>\(candidate.documents.joined(separator: ", "))\(candidate.writeOffAccount.map { " + \($0)" as String })</td>
            <td>\(candidate.shape.rawValue)</td><td class="num">\(candidate.writeOff)</td><td class="num">\(Self.percent(candidate.probability))</td>
            <td>\(candidate.reason)</td></tr>
            """
        }
        let forms = stored.status == .proposed && line.best != nil
            ? decisionForms(action: "/reconciliation/\(stored.id)/decide\(HTML.query([("source", source.text)]))", session: session) : ""
        return """
            <section class="card match" id="match-\(stored.id)"><h2>Statement line \(line.statementLineID) · \(line.date) · \(line.amount)</h2>
            <p>\(line.text)</p><p>Decision: <strong>\(line.decision.rawValue)</strong> — \(line.reason) · status
            <span class="\(stored.status.rawValue)">\(stored.status.rawValue)</span>\(stored.decidedBy.map { " by \($0)" as String })</p>
            <table><tr><th>#</th><th>Documents</th><th>Shape</th><th>Write-off</th><th>Probability</th><th>Reason</th></tr>\(candidates)</table>
            \(forms)</section>
            """
    }
}
