import CloseChecks
import CloseStore
import CloseWorkflows
import Foundation
import Hummingbird
import Markup
import Ledger

extension DashboardRoutes {
    /// The latest check run's findings of a period, filtered by severity and check, each record
    /// linking into Odoo where the ledger came from Odoo.
    @Sendable func findings(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        guard let scope = try DashboardScope.read(request, store: store, defaultPeriod: store.latestCheckedPeriod) else {
            return HTMLPage(title: "Findings", session: session, body: DashboardScope.nothingPulled)
        }
        guard let period = scope.period, let all = try store.latestFindings(sourceKey: scope.source, period: period) else {
            return HTMLPage(title: "Findings", session: session,
                            body: "\(scope.heading)<p>Not checked yet: run <code>closer check --period YYYY-MM</code>.</p>")
        }
        let severity = request.query("severity").flatMap(Severity.init(rawValue:))
        let check = request.query("check")
        let shown = all.filter { (severity == nil || $0.severity == severity) && (check == nil || $0.checkID == check) }
        let rows = shown.prefix(Self.findingsShown).map { finding -> HTML in
            let records = finding.records.map { record -> HTML in
                let linked = record.linked(sourceKey: scope.source)
                return "<li>\(HTML.externalLink(linked.link, "\(linked.model) \(linked.id) \(linked.name)"))</li>"
            }
            return """
                <tr><td class="\(finding.severity.rawValue)">\(finding.severity.rawValue)</td><td>\(finding.checkID)</td>
                <td>\(finding.message)</td><td><ul>\(records)</ul></td></tr>
                """
        }
        let more: HTML = shown.count > Self.findingsShown ? "<p>The first \(Self.findingsShown) of \(shown.count) are shown: narrow the filter.</p>" : ""
        return HTMLPage(title: "Findings", session: session, body: """
            \(scope.heading)\(filterForm(scope, checks: Set(all.map(\.checkID)).sorted(), severity: severity, check: check))
            <p>\(shown.count) of \(all.count) findings</p>
            <table id="findings"><tr><th>Severity</th><th>Check</th><th>Message</th><th>Records</th></tr>\(Array(rows))</table>\(more)
            """)
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
