import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Hummingbird
import Markup

extension DashboardRoutes {
    /// The operations view: every open business exception with owner, age and SLA, overdue ones first, and apart the
    /// technical incidents that are the administrator's.
    @Sendable func operations(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        let board = try OperationsBoard(store: store, rules: configuration.ruleSet)
        let rows = board.exceptions.map { exception -> HTML in
            let overdue = exception.isOverdue(asOf: board.asOf)
            return """
                <tr class="\(overdue ? "overdue" : "")"><td>\(exception.family.rawValue)</td><td>\(exception.kind)</td>
                <td>\(exception.subject)<br><small>\(exception.sourceKey)</small></td><td>\(exception.reason)</td><td>\(exception.owner)</td>
                <td class="num">\(exception.ageDays(asOf: board.asOf))</td><td class="num">\(exception.slaDays)</td><td>\(overdue ? "overdue" : "")</td></tr>
                """
        }
        let incidents = board.incidents.map { incident -> HTML in
            "<tr><td>\(incident.kind.rawValue)</td><td>\(incident.subject)</td><td>\(incident.detail)</td><td>\(incident.since.formatted(.iso8601))</td></tr>"
        }
        return HTMLPage(title: "Operations", session: session, body: """
            <p>Open business exceptions of payables, receivables, treasury, expenses and duties: who owns each, how many days it has been \
            open, and its SLA (<code>operations</code> in the rule set). They wait for a person's decision and never page anyone.</p>
            <p>\(board.exceptions.count) open, \(board.overdue.count) past their SLA</p>
            <table id="exceptions"><tr><th>Area</th><th>Kind</th><th>About</th><th>Why, what to do</th><th>Owner</th><th>Days open</th>
            <th>SLA days</th><th></th></tr>\(rows)</table>
            <h2>Technical incidents</h2>
            <p>Odoo unreachable, webhook notifications that gave up, failed runs: the administrator's, paged through the \
            <code>incident.opened</code> webhook and <code>closer_incidents_open</code>.</p>
            <table id="incidents"><tr><th>Kind</th><th>What</th><th>Error</th><th>Since</th></tr>\(incidents)</table>
            """)
    }
}
