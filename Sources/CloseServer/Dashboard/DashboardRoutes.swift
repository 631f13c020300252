import Governance
import CloseStore
import Foundation
import Hummingbird
import Markup
import Logging

/// The web dashboard: server-rendered pages over the same store, services and approval policy as the
/// JSON API, for people in a browser. Every page needs a session; every form carries the session's
/// CSRF token; a refusal is shown as a page, never as JSON. Each area adds its pages in its own
/// extension (`DashboardRoutes+Proposals.swift`, …).
struct DashboardRoutes: Sendable {
    var store: AppDatabase
    var configuration: ServerConfiguration
    var signInThrottle: AddressThrottle

    var sessions: SessionAuthenticator { SessionAuthenticator(store: store, secureCookies: configuration.secureCookies) }

    typealias PageHandler = @Sendable (Request, CloserRequestContext, WebSession) async throws -> HTMLPage
    typealias FormHandler = @Sendable (Request, CloserRequestContext, WebSession, FormFields) async throws -> Response

    func register(on router: Router<CloserRequestContext>) {
        registerLogin(on: router)
        page("/", on: router, overview)
        page("/todo", on: router, todo)
        page("/findings", on: router, findings)
        form("/findings/dismissals", access: .action(.actOnFindings), on: router, dismissFinding)
        form("/findings/dismissals/:dismissalID/withdraw", access: .action(.actOnFindings), on: router, withdrawDismissal)
        page("/proposals", on: router, proposals)
        page("/proposals/:id", on: router, proposal)
        form("/proposals/:id/decide", access: .approver, on: router, decideProposal)
        page("/reconciliation", on: router, reconciliation)
        form("/reconciliation/:id/decide", access: .approver, on: router, decideMatch)
        page("/checklist", on: router, checklist)
        form("/checklist/tasks/:key/done", access: .action(.signOff), on: router, signOffTask)
        page("/audit", on: router, audit)
        page("/package", on: router, closePackage)
        download("/package/files/:name", on: router, closePackageFile)
        page("/runs", on: router, runs)
        page("/payables", on: router, payables)
        form("/payables/:billID/release", access: .action(.releaseBill), on: router, releaseBill)
        form("/payables/:billID/decide", access: .action(.approveBill), on: router, decideBill)
        page("/collections", on: router, collections)
        form("/collections/reminders/draft", access: .action(.draftReminders), on: router, draftReminders)
        form("/collections/reminders/:reminderID/decide", access: .action(.approveReminders), on: router, decideReminder)
        form("/collections/promises", access: .action(.recordCollections), on: router, recordPromise)
        form("/collections/disputes", access: .action(.recordCollections), on: router, recordDispute)
        form("/collections/disputes/:disputeID/resolve", access: .action(.recordCollections), on: router, resolveDispute)
        page("/collections/holds", on: router, creditHolds)
        form("/collections/holds/:holdID/decide", access: .action(.decideCreditHold), on: router, decideCreditHold)
        page("/collections/measures", on: router, collectionsMeasures)
        page("/operations", on: router, operations)
        page("/payments", on: router, paymentRuns)
        form("/payments/propose", access: .action(.proposePayments), on: router, proposePaymentRun)
        page("/payments/runs/:runID", on: router, paymentRun)
        form("/payments/runs/:runID/decide", access: .action(.approvePayments), on: router, decidePaymentRun)
        download("/payments/runs/:runID/pain001/:file", on: router, paymentRunFile)
        page("/payments/bank-changes", on: router, bankChanges)
        form("/payments/bank-accounts/:accountID/verify", access: .action(.verifyBankDetails), on: router, verifyBankAccount)
        page("/expenses", on: router, expenses)
        form("/expenses/check", access: .action(.writeToOdoo), on: router, checkExpenses)
        page("/duties", on: router, duties)
        page("/webhooks", on: router, webhooks)
        form("/webhooks/:id/requeue", access: .admin, on: router, requeueWebhook)
    }

    /// A page for signed-in users of any role; without a session the browser is sent to the login page.
    private func page(_ path: String, on router: Router<CloserRequestContext>, _ handler: @escaping PageHandler) {
        router.get(RouterPath(path)) { request, context in
            guard let session = try sessions.session(for: request) else { return Self.redirect(to: "/login") }
            context.user = session.user
            do {
                return try await handler(request, context, session).response()
            } catch {
                return Self.errorPage(error, session: session, context: context).response()
            }
        }
    }

    /// A document for signed-in users (the close package's files), answered as it is, not as a page.
    private func download(_ path: String, on router: Router<CloserRequestContext>,
                          _ handler: @escaping @Sendable (Request, CloserRequestContext, WebSession) async throws -> Response) {
        router.get(RouterPath(path)) { request, context in
            guard let session = try sessions.session(for: request) else { return Self.redirect(to: "/login") }
            context.user = session.user
            do {
                return try await handler(request, context, session)
            } catch {
                return Self.errorPage(error, session: session, context: context).response()
            }
        }
    }

    /// A form's target: refused with 403 before anything happens when the CSRF token is wrong or the
    /// user holds none of the roles `access` names.
    private func form(_ path: String, access: Access, on router: Router<CloserRequestContext>, _ handler: @escaping FormHandler) {
        router.post(RouterPath(path)) { request, context in
            guard let session = try sessions.session(for: request) else { return Self.redirect(to: "/login") }
            context.user = session.user
            do {
                let fields = try await FormFields.read(request)
                try sessions.verifyCSRF(fields, session: session)
                try access.authorize(session.user, store: store)
                return try await handler(request, context, session, fields)
            } catch {
                return Self.errorPage(error, session: session, context: context).response()
            }
        }
    }

    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// Any refusal or failure as a page: the API's reading of the error gives the status and the sentence.
    static func errorPage(_ error: any Error, session: WebSession?, context: CloserRequestContext) -> HTMLPage {
        let refusal = Self.refusal(error, context: context)
        return HTMLPage(title: "Not done", session: session, status: refusal.status, notice: .init(text: refusal.message, isError: true),
                        body: #"<p><a href="/">Back to the overview</a></p>"#)
    }

    /// The API's reading of an error; an unexpected one is logged in full, since its details never reach the page.
    static func refusal(_ error: any Error, context: CloserRequestContext) -> APIError {
        let refusal = APIError.from(error, requestID: context.id)
        if refusal.status == .internalServerError {
            context.logger.error("dashboard request failed", metadata: ["error": "\(String(reflecting: error))"])
        }
        return refusal
    }

}
