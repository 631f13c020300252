import CloseService
import CloseStore
import Foundation
import Hummingbird

extension DashboardRoutes {
    /// The period's checklist board: each task's status, owner, due date, what holds it up and who signed it off.
    @Sendable func checklist(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        guard let scope = try DashboardScope.read(request, store: store, defaultPeriod: { source in
            try store.latestChecklistPeriod(sourceKey: source) ?? store.latestCheckedPeriod(sourceKey: source)
        }) else {
            return HTMLPage(title: "Checklist", session: session, body: DashboardScope.nothingPulled)
        }
        guard let period = scope.period else {
            return HTMLPage(title: "Checklist", session: session, body: "\(scope.heading)<p>No period checked yet: run <code>closer check</code>.</p>")
        }
        let board = try ChecklistService(store: store, actor: session.user.login).board(sourceKey: scope.source, period: period, asOf: try asOf(request))
        let rows = board.rows.map { row -> HTML in
            let holdUps = row.blockedBy.map { "after \($0)" } + row.waitingOn + [row.regressed].compactMap { $0 }
            let signedOff = row.task.completedBy.map { "\($0) at \(row.task.completedAt ?? "")" + (row.task.comment.map { ": \($0)" } ?? "") }
            return """
                <tr><td>\(row.task.key)</td><td>\(row.task.title)</td><td>\(row.task.owner)</td><td>\(row.task.dueDate)</td>
                <td class="\(row.status.rawValue)">\(row.status.rawValue)</td><td>\(holdUps.joined(separator: "; "))</td><td>\(signedOff)</td></tr>
                """
        }
        return HTMLPage(title: "Checklist", session: session, body: """
            \(scope.heading)<p>\(board.summary)</p>
            <table id="checklist"><tr><th>Task</th><th>Title</th><th>Owner</th><th>Due</th><th>Status</th><th>Waiting on</th><th>Signed off</th></tr>\(rows)</table>
            """)
    }
}
