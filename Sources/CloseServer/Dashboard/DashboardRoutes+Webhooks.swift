import CloseStore
import Foundation
import Hummingbird
import Markup
import Governance

extension DashboardRoutes {
    /// Outgoing notifications: dead letters first (an admin sends them again once the receiver is
    /// fixed), then those still being retried, then the latest delivered.
    @Sendable func webhooks(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        try webhooksPage(session: session)
    }

    @Sendable func requeueWebhook(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        let delivery = try store.requeueDeadLetter(id: try request.pathID(context), actor: session.user.login)
        return try webhooksPage(session: session, notice: .init(text: "Delivery \(delivery.id) is queued again.", isError: false)).response()
    }

    private func webhooksPage(session: WebSession, notice: HTMLPage.Notice? = nil) throws -> HTMLPage {
        let isAdmin = session.user.roles.contains(.admin)
        func table(_ id: String, _ deliveries: [WebhookDelivery], requeue: Bool) -> HTML {
            guard !deliveries.isEmpty else { return "<p>None.</p>" }
            let rows = deliveries.map { delivery -> HTML in
                let action: HTML = requeue && isAdmin
                    ? """
                      <form method="post" action="/webhooks/\(delivery.id)/requeue">\(HTMLPage.csrfField(session))<button type="submit">Send again</button></form>
                      """
                    : ""
                return """
                    <tr><td class="num">\(delivery.id)</td><td>\(delivery.eventType.rawValue)</td><td>\(delivery.targetDisplay)</td>
                    <td class="num">\(delivery.attempts)</td><td>\(delivery.lastError ?? "")</td><td>\(action)</td></tr>
                    """
            }
            return """
                <table id="\(id)"><tr><th>#</th><th>Event</th><th>Target</th><th>Attempts</th><th>Last error</th><th></th></tr>\(rows)</table>
                """
        }
        return HTMLPage(title: "Webhooks", session: session, notice: notice, body: """
            <h2>Dead letters</h2>\(table("dead-letters", try store.webhookDeliveries(status: .dead), requeue: true))
            <h2>Being retried</h2>\(table("pending", try store.webhookDeliveries(status: .pending), requeue: false))
            <h2>Delivered (latest 50)</h2>\(table("delivered", Array(try store.webhookDeliveries(status: .delivered).prefix(50)), requeue: false))
            """)
    }
}
