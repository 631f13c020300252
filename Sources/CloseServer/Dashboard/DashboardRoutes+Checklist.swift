import CloseStore
import CloseWorkflows
import OdooRPC
import Foundation
import Hummingbird
import Markup
import Governance

extension DashboardRoutes {
    /// The period's checklist board: each task's status, owner, due date, what holds it up and who signed it off.
    @Sendable func checklist(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        try checklistPage(request, session: session)
    }

    /// Signs off a manual task with a comment, as `closer task done` does; the board comes back with what happened.
    @Sendable func signOffTask(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        guard let key = context.parameters.get("key") else { throw APIError.badParameter("key", "is missing") }
        do {
            _ = try ChecklistService(store: store, actor: session.user.login)
                .signOff(sourceKey: try request.sourceKey(in: store), period: try request.period(), taskKey: key, comment: form["comment"] ?? "",
                         asOf: try request.asOf())
            return try checklistPage(request, session: session, notice: .init(text: "\(key) signed off by \(session.user.login).", isError: false)).response()
        } catch {
            let refusal = Self.refusal(error, context: context)
            return try checklistPage(request, session: session, notice: .init(text: refusal.message, isError: true), status: refusal.status).response()
        }
    }

    private func checklistPage(_ request: Request, session: WebSession, notice: HTMLPage.Notice? = nil,
                               status: HTTPResponse.Status = .ok) throws -> HTMLPage {
        guard let scope = try DashboardScope.read(request, store: store, defaultPeriod: { source in
            try store.latestChecklistPeriod(sourceKey: source) ?? store.latestCheckedPeriod(sourceKey: source)
        }) else {
            return HTMLPage(title: "Checklist", session: session, body: DashboardScope.nothingPulled)
        }
        guard let period = scope.period else {
            return HTMLPage(title: "Checklist", session: session, body: "\(scope.heading)<p>No period checked yet: run <code>closer check</code>.</p>")
        }
        let board = try ChecklistService(store: store, actor: session.user.login).board(sourceKey: scope.source, period: period, asOf: try request.asOf())
        let maySign = !session.user.roles.isDisjoint(with: CloserAction.signOff.roles)
        let rows = board.rows.map { row -> HTML in
            let holdUps = row.blockedBy.map { "after \($0)" } + row.waitingOn + [row.regressed].compactMap { $0 }
            let signedOff = row.task.completedBy.map { "\($0) at \(row.task.completedAt ?? "")" + (row.task.comment.map { ": \($0)" } ?? "") }
            var signing: HTML = ""
            if case .manual = row.task.completion, row.status != .done, row.blockedBy.isEmpty, maySign {
                signing = """
                    <form method="post" action="/checklist/tasks/\(row.task.key)/done\(scope.query)" class="decide">\(HTMLPage.csrfField(session))
                    <input type="text" name="comment" placeholder="Comment (required)" required> <button type="submit">Sign off</button></form>
                    """
            }
            return """
                <tr id="task-\(row.task.key)"><td>\(row.task.key)</td><td>\(row.task.title)</td><td>\(row.task.owner)</td><td>\(row.task.dueDate)</td>
                <td class="\(row.status.rawValue)">\(row.status.rawValue)</td><td>\(holdUps.joined(separator: "; "))</td><td>\(signedOff)\(signing)</td></tr>
                """
        }
        return HTMLPage(title: "Checklist", session: session, status: status, notice: notice, body: """
            \(scope.heading)<p>\(board.summary)</p>
            <table id="checklist"><tr><th>Task</th><th>Title</th><th>Owner</th><th>Due</th><th>Status</th><th>Waiting on</th><th>Signed off</th></tr>\(rows)</table>
            """)
    }
}
