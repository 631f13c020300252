import CloseChecks
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Hummingbird
import Markup
import Ledger

extension DashboardRoutes {
    /// The latest check run's findings of a period, filtered by severity and check, each record
    /// linking into Odoo where the ledger came from Odoo.
    @Sendable func findings(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        try findingsPage(request, session: session)
    }

    /// The page, with what a dismissal or a withdrawal just did (or why it was refused) on top.
    func findingsPage(_ request: Request, session: WebSession, notice: HTMLPage.Notice? = nil, status: HTTPResponse.Status = .ok) throws -> HTMLPage {
        guard let scope = try DashboardScope.read(request, store: store, defaultPeriod: store.latestCheckedPeriod) else {
            return HTMLPage(title: "Findings", session: session, body: DashboardScope.nothingPulled)
        }
        guard let period = scope.period, let all = try store.latestFindings(sourceKey: scope.source, period: period) else {
            return HTMLPage(title: "Findings", session: session,
                            body: "\(scope.heading)<p>Not checked yet: run <code>closer check --period YYYY-MM</code>.</p>")
        }
        let mayDismiss = !session.user.roles.isDisjoint(with: UndoPolicy.dismissingFindings)
        let row = { (finding: Finding) in self.row(finding, scope, dismiss: mayDismiss ? self.dismissForm(finding, scope, session) : "") }
        let severity = request.query("severity").flatMap(Severity.init(rawValue:))
        let check = request.query("check")
        let shown = all.filter { (severity == nil || $0.severity == severity) && (check == nil || $0.checkID == check) }
        // Stored ranked: the first screen (every blocking finding, then the warnings risky or material enough) leads, the rest is folded.
        let screen = shown.filter { $0.ranking?.onFirstScreen ?? true }
        let rest = shown.filter { !($0.ranking?.onFirstScreen ?? true) }
        let folded = rest.prefix(max(0, Self.findingsShown - screen.count))
        let kinds = Dictionary(grouping: rest, by: \.checkID).map { ($0.key, $0.value.count) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
            .map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        let restTable: HTML = rest.isEmpty ? "" : """
            <details id="folded"><summary>\(rest.count) more, by kind: \(kinds)</summary>
            <table id="findings-folded">\(Self.findingsHeader)\(folded.map(row))</table></details>
            """
        let more: HTML = rest.count > folded.count ? "<p>The first \(folded.count) of the \(rest.count) folded are shown: narrow the filter.</p>" : ""
        return HTMLPage(title: "Findings", session: session, status: status, notice: notice, body: """
            \(scope.heading)\(filterForm(scope, checks: Set(all.map(\.checkID)).sorted(), severity: severity, check: check))
            <p>\(shown.count) of \(all.count) findings; the first screen holds \(screen.count): what blocks the close, then what matters most.</p>
            <table id="findings">\(Self.findingsHeader)\(screen.map(row))</table>\(restTable)\(more)
            \(try dismissalsSection(scope, session: session))
            """)
    }

    static let findingsHeader: HTML = "<tr><th>#</th><th>Severity</th><th>Check</th><th>Amount</th><th>Materiality</th><th>Message</th><th>Records</th><th>Dismiss</th></tr>"

    private func row(_ finding: Finding, _ scope: DashboardScope, dismiss: HTML) -> HTML {
        let records = finding.records.prefix(20).map { record -> HTML in
            let linked = record.linked(sourceKey: scope.source)
            return "<li>\(HTML.externalLink(linked.link, "\(linked.model) \(linked.id) \(linked.name)"))</li>"
        }
        let others: HTML = finding.records.count > 20 ? "<li>and \(finding.records.count - 20) more</li>" : ""
        let ranking = finding.ranking
        return """
            <tr><td>\(ranking.map { String($0.rank) } ?? "")</td><td class="\(finding.severity.rawValue)">\(finding.severity.rawValue)</td><td>\(finding.checkID)</td>
            <td>\(ranking?.amount.map { "\($0)" } ?? "")</td><td>\(ranking?.materiality.rawValue ?? "")</td>
            <td>\(finding.message)</td><td><ul>\(records)\(others)</ul></td><td>\(dismiss)</td></tr>
            """
    }

    static let findingsShown = 500

    private func filterForm(_ scope: DashboardScope, checks: [String], severity: Severity?, check: String?) -> HTML {
        let severities = Severity.allCases.map { option -> HTML in
            #"<option value="\#(option.rawValue)"\#(option == severity ? " selected" : "")>\#(option.rawValue)</option>"#
        }
        let checkOptions = checks.map { option -> HTML in
            #"<option value="\#(option)"\#(option == check ? " selected" : "")>\#(option)</option>"#
        }
        return """
            <form method="get" action="/findings"><input type="hidden" name="source" value="\(scope.source)">
            <input type="hidden" name="period" value="\(scope.period)">
            <label>Severity <select name="severity"><option value="">all</option>\(severities)</select></label>
            <label>Check <select name="check"><option value="">all</option>\(checkOptions)</select></label>
            <button type="submit">Filter</button></form>
            """
    }
}
