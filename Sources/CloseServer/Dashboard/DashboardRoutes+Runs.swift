import CloseStore
import Ledger
import Foundation
import Hummingbird
import Markup

extension DashboardRoutes {
    /// What ran: the scheduler's history (each slot run, failed, or skipped because a run of the
    /// company was still going) and the latest runs of every kind, whoever started them.
    @Sendable func runs(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        let scheduled = try store.scheduledRuns(limit: 100).map { run -> HTML in
            """
            <tr><td>\(run.scheduleName)</td><td>\(run.sourceKey)</td><td>\(run.period)</td><td>\(run.slot)</td>
            <td>\(run.status.rawValue)</td><td>\(run.startedAt)</td><td>\(run.finishedAt)</td><td><small>\(run.summary)</small></td></tr>
            """
        }
        let recent = try store.runs(limit: 100).map { run -> HTML in
            """
            <tr><td class="num">\(run.id)</td><td>\(run.kind)</td><td>\(run.period)</td><td>\(run.status.rawValue)</td>
            <td>\(run.startedAt)</td><td>\(run.finishedAt)</td><td><small>\(run.summary)</small></td></tr>
            """
        }
        return HTMLPage(title: "Runs", session: session, body: """
            <h2>Scheduled runs</h2>
            \(scheduled.isEmpty ? "<p>None yet: schedules are configured in closer-automation.yaml.</p>" as HTML : """
                <table id="scheduled-runs"><tr><th>Schedule</th><th>Ledger</th><th>Period</th><th>Slot</th><th>Status</th><th>Started</th>
                <th>Finished</th><th>Summary</th></tr>\(scheduled)</table>
                """)
            <h2>Latest runs</h2>
            <table id="runs"><tr><th>#</th><th>Kind</th><th>Period</th><th>Status</th><th>Started</th><th>Finished</th><th>Summary</th></tr>\(recent)</table>
            """)
    }
}
