import CloseChecks
import CloseReports
import CloseStore
import CloseWorkflows
import Governance
import Ledger
import OdooRPC
import Treasury
import Foundation
public import Hummingbird

/// An error as the API reports it: an HTTP status, a stable code a client can switch on, and a
/// sentence that says what to do. Every refusal, Closer's own or the framework's, leaves as one.
public struct APIError: Error, Sendable, Equatable, HTTPResponseError {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    /// Seconds a throttled client waits before trying again (sent as Retry-After).
    public var retryAfter: Int?

    public init(_ status: HTTPResponse.Status, code: String, _ message: String, retryAfter: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try JSONBody(Body(error: .init(code: code, message: message))).response(from: request, context: context)
        response.status = status
        if status == .unauthorized { response.headers[.wwwAuthenticate] = #"Bearer realm="closer""# }
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    struct Body: Codable {
        struct Detail: Codable {
            var code: String
            var message: String
        }
        var error: Detail
    }
}

extension APIError {
    /// Too many failed sign-ins from the caller's address: nothing is checked until the wait is over.
    static func throttled(seconds: Int) -> APIError {
        APIError(.tooManyRequests, code: "throttled",
                 "Too many failed sign-ins from your address: try again in \(seconds) s (each further failure doubles the wait).",
                 retryAfter: seconds)
    }

    static let unauthenticated = APIError(.unauthorized, code: "unauthenticated",
                                          "Send an API token as 'Authorization: Bearer TOKEN' (an admin issues one with `closer users token LOGIN`).")

    static func badParameter(_ name: String, _ problem: String) -> APIError {
        APIError(.badRequest, code: "invalid_parameter", "'\(name)' \(problem).")
    }

    /// The API's reading of any error: Closer's own errors keep their sentence and get the status that
    /// fits; an unexpected error is reported without its details, which only the server log holds.
    static func from(_ error: any Error, requestID: String) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as UserError:
            switch error {
            case .unknownToken, .revokedToken, .inactiveUser: return APIError(.unauthorized, code: "unauthenticated", error.description)
            case .adminRequired: return APIError(.forbidden, code: "forbidden", error.description)
            case .unknownUser: return APIError(.notFound, code: "not_found", error.description)
            default: return APIError(.unprocessableContent, code: "invalid_request", error.description)
            }
        case let error as ApprovalRefusal: return APIError(.forbidden, code: "policy_refused", error.description)
        case let error as AccessRefusal: return APIError(.forbidden, code: "forbidden", error.description)
        case let error as AdjustmentReviewError:
            switch error {
            case .unknownProposal, .unknownBatch: return APIError(.notFound, code: "not_found", error.description)
            case .notReviewable: return APIError(.conflict, code: "conflict", error.description)
            case .reasonRequired: return APIError(.unprocessableContent, code: "invalid_request", error.description)
            }
        case let error as MatchReviewError:
            if case .unknownProposal = error { return APIError(.notFound, code: "not_found", error.description) }
            return APIError(.conflict, code: "conflict", error.description)
        case let error as LockRequestError:
            if case .unknown = error { return APIError(.notFound, code: "not_found", error.description) }
            return APIError(.conflict, code: "conflict", error.description)
        case let error as ChecklistError:
            switch error {
            case .noChecklist, .unknownTask: return APIError(.notFound, code: "not_found", error.description)
            case .commentRequired, .reasonRequired: return APIError(.unprocessableContent, code: "invalid_request", error.description)
            case .automatic, .dependenciesNotDone, .alreadyDone, .notSignedOff, .dependentsDone:
                return APIError(.conflict, code: "conflict", error.description)
            }
        case let error as BillReviewError:
            switch error {
            case .unknownBill: return APIError(.notFound, code: "not_found", error.description)
            case .notBlocked: return APIError(.conflict, code: "conflict", error.description)
            case .ownBill: return APIError(.forbidden, code: "policy_refused", error.description)
            case .noReason: return APIError(.badRequest, code: "invalid_request", error.description)
            }
        case let error as BillApprovalError:
            switch error {
            case .notRouted: return APIError(.notFound, code: "not_found", error.description)
            case .closed: return APIError(.conflict, code: "conflict", error.description)
            case .rejectionWithoutComment: return APIError(.badRequest, code: "invalid_request", error.description)
            case .delegation: return APIError(.forbidden, code: "policy_refused", error.description)
            }
        case let error as CreditHoldError:
            switch error {
            case .unknownHold: return APIError(.notFound, code: "not_found", error.description)
            case .wrongStatus, .alreadyOpen: return APIError(.conflict, code: "conflict", error.description)
            case .ownProposal: return APIError(.forbidden, code: "policy_refused", error.description)
            case .noReason: return APIError(.badRequest, code: "invalid_request", error.description)
            }
        case let error as CreditHoldServiceError: return APIError(.conflict, code: "conflict", error.description)
        case let error as PaymentRunError: return .paymentRun(error)
        case let error as BankVerificationError: return .bankVerification(error)
        case let error as PaymentRunServiceError: return APIError(.unprocessableContent, code: "invalid_request", error.description)
        case let error as CreditTransferFileError: return .creditTransferFile(error)
        case let error as OdooError: return .odoo(error)
        case let error as SourceMismatchError: return APIError(.conflict, code: "wrong_odoo", error.description)
        case let error as ReminderError: return .reminder(error)
        case let error as CollectionsStoreError: return .collections(error)
        case let error as CollectorRecordError: return APIError(.unprocessableContent, code: "invalid_request", error.description)
        case let error as MoneyParseError:
            return APIError(.unprocessableContent, code: "invalid_request", "Amount \(error.description): write it as decimal text in the company currency.")
        case let error as AutomationError: return APIError(.serviceUnavailable, code: "not_configured", error.description)
        case let error as PeriodLockError: return APIError(.conflict, code: "lock_refused", error.description)
        case let error as StoreError:
            switch error {
            case .unknownCompany: return APIError(.notFound, code: "not_found", error.description)
            case .periodNotPulled: return APIError(.notFound, code: "not_pulled", error.description)
            default: return APIError(.serviceUnavailable, code: "store_unavailable", error.description)
            }
        case let error as CheckServiceError: return APIError(.badRequest, code: "choose_source", error.description)
        case let error as FindingsError:
            switch error {
            case .neverChecked, .notChecked, .unknownFinding: return APIError(.notFound, code: "not_found", error.description)
            default: return APIError(.unprocessableContent, code: "invalid_request", error.description)
            }
        case let error as DismissalError:
            switch error {
            case .unknownDismissal: return APIError(.notFound, code: "not_found", error.description)
            case .alreadyWithdrawn: return APIError(.conflict, code: "conflict", error.description)
            default: return APIError(.unprocessableContent, code: "invalid_request", error.description)
            }
        case let error as ReceivablesMeasuresError: return APIError(.notFound, code: error.code, error.description)
        case let error as PeriodError: return APIError(.badRequest, code: "invalid_parameter", error.description)
        case is DecodingError:
            return APIError(.badRequest, code: "malformed_request", "The request body is not the JSON this endpoint takes: see /openapi.json.")
        case let error as any HTTPResponseError:
            return framework(error.status)
        default:
            return APIError(.internalServerError, code: "internal_error",
                            "Closer could not finish this request (request id \(requestID)); the server log has the details.")
        }
    }

    /// Refusals the HTTP framework raises before a handler runs (no route, body too large, …).
    static func framework(_ status: HTTPResponse.Status) -> APIError {
        switch status {
        case .notFound: APIError(.notFound, code: "not_found", "There is no such endpoint: /openapi.json lists them.")
        case .methodNotAllowed: APIError(.methodNotAllowed, code: "method_not_allowed", "This endpoint does not take that method: see /openapi.json.")
        case .contentTooLarge: APIError(.contentTooLarge, code: "payload_too_large", "The request body is larger than this server accepts.")
        case .badRequest: APIError(.badRequest, code: "malformed_request", "The request is malformed: see /openapi.json for what this endpoint takes.")
        default: APIError(status, code: "http_\(status.code)", status.reasonPhrase)
        }
    }
}
