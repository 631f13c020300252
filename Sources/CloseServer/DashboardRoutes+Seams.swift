import CloseStore
import Foundation
import Hummingbird

extension DashboardRoutes {
    /// The close package of a period. Its renderer is being built separately; until it is wired here
    /// this page says where the package will appear.
    @Sendable func closePackage(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        HTMLPage(title: "Close package", session: session, body: """
            <p id="package-pending">The close package (trial balance, findings, approved entries, reconciliations, checklist and the
            verified audit trail, as one document for the auditor) appears here once it is built for a period.</p>
            """)
    }

    /// Odoo webhook deliveries that could not be processed. Their store is being built separately;
    /// until it is wired here this page says so.
    @Sendable func webhooks(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        HTMLPage(title: "Webhooks", session: session, body: """
            <p id="webhooks-pending">Webhook deliveries that failed (the dead-letter list) appear here once this server receives Odoo's webhooks.</p>
            """)
    }
}
