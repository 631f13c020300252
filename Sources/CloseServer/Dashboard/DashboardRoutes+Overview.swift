import CloseChecks
import CloseStore
import CloseWorkflows
import Ledger
import Foundation
import Hummingbird
import Markup
import Governance

extension DashboardRoutes {
    /// One card per company: how far the period's checklist is, findings by severity, proposals by
    /// status, and what still stands in the way of locking the period.
    @Sendable func overview(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        let sources = try store.sourceKeys()
        guard !sources.isEmpty else { return HTMLPage(title: "Close overview", session: session, body: DashboardScope.nothingPulled) }
        let asOf = try request.asOf()
        let requested = try request.period()
        let cards = try sources.map { try companyCard($0, period: requested, asOf: asOf, actor: session.user.login) }
        return HTMLPage(title: "Close overview", session: session, body: HTML(joining: cards))
    }

    private func companyCard(_ source: SourceKey, period requested: Period?, asOf: LocalDate, actor: String) throws -> HTML {
        let reader = CloseStatusReader(store: store, actor: actor)
        guard let period = try requested ?? reader.currentPeriod(sourceKey: source) else {
            let name = try store.company(sourceKey: source).name
            return #"<section class="card"><h2>\#(name)</h2><p>Not checked yet: run <code>closer check --period YYYY-MM</code>.</p></section>"#
        }
        let status = try reader.status(sourceKey: source, period: period, asOf: asOf)
        let scope = DashboardScope(source: source, companyName: status.companyName, period: period)
        return """
            <section class="card company"><h2>\(status.companyName) · \(period) <small>(\(source))</small></h2>
            <p>Checklist: <progress max="\(status.tasksTotal)" value="\(status.tasksDone)"></progress> \(status.tasksDone) of \(status.tasksTotal) tasks done
            (<a href="/checklist\(scope.query)">board</a>)</p>
            <table><tr><th>Findings</th>\(Self.counts(status.findingsBySeverity ?? [:], link: "/findings", scope: scope, parameter: "severity"))</tr>
            <tr><th>Proposals</th>\(Self.counts(status.proposalsByStatus, link: "/proposals", scope: scope, parameter: "status"))</tr></table>
            \(status.findingsBySeverity == nil ? "<p>This period has not been checked: run <code>closer check</code>.</p>" : "" as HTML)
            <h3>What blocks the lock</h3>\(Self.blockerList(status.blockers))</section>
            """
    }

    /// "3 blocking · 12 warning", in the kinds' own order, each count linking to its filtered list.
    private static func counts<Kind: CaseIterable & RawRepresentable<String> & Hashable>(_ counts: [Kind: Int], link: String, scope: DashboardScope,
                                                                                       parameter: String) -> HTML {
        let cells = Kind.allCases.compactMap { kind -> HTML? in
            guard let count = counts[kind] else { return nil }
            let query = HTML.query([("source", scope.source.text), ("period", scope.period?.description), (parameter, kind.rawValue)])
            return #"<td><a href="\#(link + query)" class="\#(kind.rawValue)">\#(count) \#(kind.rawValue)</a></td>"#
        }
        return cells.isEmpty ? "<td>none</td>" : HTML(joining: cells)
    }

    private static func blockerList(_ blockers: [String]) -> HTML {
        guard !blockers.isEmpty else { return #"<p class="done">Nothing: a controller may approve the lock.</p>"# }
        return "<ul class=\"blockers\">\(blockers.map { blocker -> HTML in "<li>\(blocker)</li>" })</ul>"
    }
}
