import CloseChecks
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Hummingbird
import Markup
import Ledger

extension DashboardRoutes {
    /// "My work": what is left for the signed-in person in the period, as `closer todo` lists it: approvals the policy
    /// would let them give, their tasks due by the close calendar, and findings on their entries.
    @Sendable func todo(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        guard let scope = try DashboardScope.read(request, store: store, defaultPeriod: { source in
            try store.latestChecklistPeriod(sourceKey: source) ?? store.latestCheckedPeriod(sourceKey: source)
        }) else {
            return HTMLPage(title: "My work", session: session, body: DashboardScope.nothingPulled)
        }
        guard scope.period != nil else {
            return HTMLPage(title: "My work", session: session, body: "\(scope.heading)<p>No period checked yet: run <code>closer check</code>.</p>")
        }
        let list = try TodoService(store: store).todo(for: session.user.login, sourceKey: scope.source, period: scope.period, asOf: try request.asOf(),
                                                      policy: configuration.ruleSet.approvals)
        let approvals = list.approvals.map { review -> HTML in
            let link = review.proposal.kind == .adjustment ? "/proposals/\(review.proposal.id)\(scope.query)" : "/reconciliation\(scope.query)"
            return """
                <tr id="approval-\(review.proposal.kind.rawValue)-\(review.proposal.id)"><td><a href="\(link)">\(review.proposal.kind.rawValue) \(review.proposal.id)</a></td>
                <td>\(review.summary)</td><td class="amount">\(review.amount?.description ?? "")</td>
                <td>\(review.approvals.map(\.login).joined(separator: ", "))</td></tr>
                """
        }
        let tasks = list.tasks.map { row -> HTML in
            """
            <tr id="task-\(row.task.key)"><td><a href="/checklist\(scope.query)">\(row.task.key)</a></td><td>\(row.task.title)</td>
            <td>\(row.task.dueDate)</td><td class="\(row.status.rawValue)">\(row.status.rawValue)</td><td>\(row.waitingOn.joined(separator: "; "))</td></tr>
            """
        }
        let findings = list.findings.map { item -> HTML in
            """
            <tr><td class="\(item.listed.finding.severity.rawValue)">\(item.listed.finding.severity.rawValue)</td><td>\(item.listed.finding.checkID)</td>
            <td>\(item.listed.finding.message)</td><td>\(item.yours ? "your entry" : "")</td></tr>
            """
        }
        return HTMLPage(title: "My work", session: session, body: """
            \(scope.heading)<p id="todo-summary">For \(list.login), as of \(list.asOf): \(list.summary)</p>
            <h2>Approvals waiting for you</h2>
            <table id="todo-approvals"><tr><th>Proposal</th><th>What</th><th>Amount</th><th>Approved so far</th></tr>\(approvals)</table>
            <h2>Your checklist tasks due</h2>
            <table id="todo-tasks"><tr><th>Task</th><th>Title</th><th>Due</th><th>Status</th><th>Waiting on</th></tr>\(tasks)</table>
            <h2>Findings to act on</h2>
            <table id="todo-findings"><tr><th>Severity</th><th>Check</th><th>Message</th><th></th></tr>\(findings)</table>
            """)
    }
}
