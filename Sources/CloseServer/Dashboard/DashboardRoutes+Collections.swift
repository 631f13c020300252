import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Hummingbird
import Ledger
import Markup
import Receivables

extension DashboardRoutes {
    /// Collections for one pulled ledger: the worklist (most cash at risk first, with the reason), the reminder drafts
    /// waiting with their letter and one-click approve or reject, the open promises and disputes, and forms to record one.
    @Sendable func collections(_ request: Request, _ context: CloserRequestContext, _ session: WebSession) async throws -> HTMLPage {
        try collectionsPage(request, session: session)
    }

    /// Approves or rejects a reminder draft as the signed-in user, as `closer collections reminders --approve|--reject` does.
    @Sendable func decideReminder(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        try await collectionsAction(request, context, session) {
            guard let id = context.parameters.get("reminderID", as: Int64.self) else { throw APIError.badParameter("reminderID", "must be a number") }
            let reminder = try await configuration.reminderService(store: store, actor: session.user.login).decide(id: id, approve: form["decision"] != "reject", note: form["reason"], by: session.user)
            return "Reminder \(reminder.id) to \(reminder.draft.customerName) \(reminder.status.rawValue) by \(session.user.login)."
        }
    }

    /// Drafts the ledger's reminders now, as `closer collections reminders --draft` does.
    @Sendable func draftReminders(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        try await collectionsAction(request, context, session) {
            let report = try await configuration.reminderService(store: store, actor: session.user.login).draft(sourceKey: try request.sourceKey(in: store))
            return "\(report.new) new reminder drafts, \(report.reminders.count) waiting; \(report.skipped.count) overdue invoices left out."
        }
    }

    /// Records a promise to pay from the page's form.
    @Sendable func recordPromise(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        try await collectionsAction(request, context, session) {
            guard let customer = form["customer"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                throw APIError(.unprocessableContent, code: "invalid_request", "Give the customer's id (a whole number, as the worklist shows it).")
            }
            guard let date = form["date"].flatMap({ LocalDate(iso: $0.trimmingCharacters(in: .whitespaces)) }) else {
                throw APIError(.unprocessableContent, code: "invalid_request", "Give the day the customer promised to pay by as YYYY-MM-DD.")
            }
            let invoices = try (form["invoices"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map { text in
                guard let id = Int(text) else {
                    throw APIError(.unprocessableContent, code: "invalid_request", "'\(text)' is not an invoice id: list the ids separated by commas.")
                }
                return id
            }
            let promise = try CollectorRecordsService(store: store, actor: session.user.login, settings: configuration.odoo)
                .promise(sourceKey: try request.sourceKey(in: store), customerID: customer, invoiceIDs: invoices, promisedOn: date,
                         amount: form["amount"], note: form["note"])
            return "Promise \(promise.id) recorded: \(promise.customerName) pays \(promise.amount) by \(promise.promisedOn)."
        }
    }

    /// Records a disputed invoice from the page's form.
    @Sendable func recordDispute(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        try await collectionsAction(request, context, session) {
            guard let invoice = form["invoice"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                throw APIError(.unprocessableContent, code: "invalid_request", "Give the disputed invoice's id (a whole number, as the worklist shows it).")
            }
            let dispute = try await CollectorRecordsService(store: store, actor: session.user.login, settings: configuration.odoo)
                .dispute(sourceKey: try request.sourceKey(in: store), invoiceID: invoice, reason: form["reason"] ?? "", ownerLogin: form["owner"])
            return "Dispute \(dispute.id) recorded on \(dispute.invoiceName) (\(dispute.customerName))."
        }
    }

    /// Resolves an open dispute with what was decided.
    @Sendable func resolveDispute(_ request: Request, _ context: CloserRequestContext, _ session: WebSession, _ form: FormFields) async throws -> Response {
        try await collectionsAction(request, context, session) {
            guard let id = context.parameters.get("disputeID", as: Int64.self) else { throw APIError.badParameter("disputeID", "must be a number") }
            let dispute = try store.resolveDispute(id, resolution: form["resolution"] ?? "", actor: session.user.login)
            return "Dispute \(dispute.id) on \(dispute.invoiceName) resolved by \(session.user.login)."
        }
    }

    /// Runs a form's step and shows the page again with what happened, or with the refusal's sentence and status.
    private func collectionsAction(_ request: Request, _ context: CloserRequestContext, _ session: WebSession,
                                   _ step: () async throws -> String) async throws -> Response {
        do {
            let done = try await step()
            return try collectionsPage(request, session: session, notice: .init(text: done, isError: false)).response()
        } catch {
            let refusal = Self.refusal(error, context: context)
            return try collectionsPage(request, session: session, notice: .init(text: refusal.message, isError: true), status: refusal.status).response()
        }
    }

    private func collectionsPage(_ request: Request, session: WebSession, notice: HTMLPage.Notice? = nil, status: HTTPResponse.Status = .ok) throws -> HTMLPage {
        guard let source = try request.namedSourceKey ?? store.sourceKeys().first else {
            return HTMLPage(title: "Collections", session: session, status: status, notice: notice, body: DashboardScope.nothingPulled)
        }
        let limit = try request.integer("limit", default: 20, in: 1...1_000)
        let worklist = try CollectionsWorklistService(store: store).worklist(sourceKey: source, rules: configuration.ruleSet.receivables, limit: limit)
        let page = CollectionsPageHTML(source: source, session: session)
        return HTMLPage(title: "Collections", session: session, status: status, notice: notice, body: """
            <p>\(try store.company(sourceKey: source).name) <small>(\(source))</small> · <a href="/collections/holds">Credit holds</a> · \
            <a href="/collections/measures\(HTML.query([("source", source.text)]))">Measures (DSO, aging)</a></p>
            \(page.worklist(worklist, limit: limit))
            \(page.reminders(try store.reminders(sourceKey: source, statuses: [.drafted])))
            \(page.promises(try store.promises(sourceKey: source, statuses: [.open])))
            \(page.disputes(try store.disputes(sourceKey: source, statuses: [.open])))
            \(page.recordForms)
            """)
    }
}
