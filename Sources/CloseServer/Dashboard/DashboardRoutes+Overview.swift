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
        let name = try store.company(sourceKey: source).name
        guard let period = try requested ?? store.latestCheckedPeriod(sourceKey: source) ?? store.latestChecklistPeriod(sourceKey: source) else {
            return #"<section class="card"><h2>\#(name)</h2><p>Not checked yet: run <code>closer check --period YYYY-MM</code>.</p></section>"#
        }
        let scope = DashboardScope(source: source, companyName: name, period: period)
        // Reading the board instantiates the period's checklist the first time, as `closer checklist` does.
        let board = try ChecklistService(store: store, actor: actor).board(sourceKey: source, period: period, asOf: asOf)
        let done = board.counts[.done] ?? 0
        let findings = try store.latestFindings(sourceKey: source, period: period)
        let proposals = try store.adjustments(sourceKey: source, period: period)
        let blockers = try LockGate(store: store, actor: actor).blockers(sourceKey: source, period: period, children: [], asOf: asOf)
        return """
            <section class="card company"><h2>\(name) · \(period) <small>(\(source))</small></h2>
            <p>Checklist: <progress max="\(board.rows.count)" value="\(done)"></progress> \(done) of \(board.rows.count) tasks done
            (<a href="/checklist\(scope.query)">board</a>)</p>
            <table><tr><th>Findings</th>\(Self.counts(findings.map { Dictionary(grouping: $0, by: \.severity.rawValue) } ?? [:],
                                                      order: Severity.allCases.map(\.rawValue), link: "/findings", scope: scope, parameter: "severity"))</tr>
            <tr><th>Proposals</th>\(Self.counts(Dictionary(grouping: proposals, by: \.status.rawValue), order: AdjustmentStatus.allCases.map(\.rawValue),
                                                link: "/proposals", scope: scope, parameter: "status"))</tr></table>
            \(findings == nil ? "<p>This period has not been checked: run <code>closer check</code>.</p>" : "" as HTML)
            <h3>What blocks the lock</h3>\(Self.blockerList(blockers))</section>
            """
    }

    /// "3 blocking · 12 warning", each count linking to its filtered list.
    private static func counts<Item>(_ groups: [String: [Item]], order: [String], link: String, scope: DashboardScope, parameter: String) -> HTML {
        let cells = order.compactMap { key -> HTML? in
            guard let count = groups[key]?.count else { return nil }
            let query = HTML.query([("source", scope.source.text), ("period", scope.period?.description), (parameter, key)])
            return #"<td><a href="\#(link + query)" class="\#(key)">\#(count) \#(key)</a></td>"#
        }
        return cells.isEmpty ? "<td>none</td>" : HTML(joining: cells)
    }

    private static func blockerList(_ blockers: [String]) -> HTML {
        guard !blockers.isEmpty else { return #"<p class="done">Nothing: a controller may approve the lock.</p>"# }
        return "<ul class=\"blockers\">\(blockers.map { blocker -> HTML in "<li>\(blocker)</li>" })</ul>"
    }
}
