import HTTPTypes
import CloseStore
import CloseWorkflows

/// The API's reading of the collections refusals: who may not (403), what no longer stands as asked (409),
/// what is missing or does not fit the pulled ledger (422), each with the service's sentence.
extension APIError {
    static func reminder(_ error: ReminderError) -> APIError {
        switch error {
        case .controllerSigns: APIError(.forbidden, code: "policy_refused", error.description)
        case .noEmail: APIError(.unprocessableContent, code: "invalid_request", error.description)
        case .settledSinceDraft: APIError(.conflict, code: "conflict", error.description)
        }
    }

    static func collections(_ error: CollectionsStoreError) -> APIError {
        switch error {
        case .unknownReminder, .unknownPromise, .unknownDispute: APIError(.notFound, code: "not_found", error.description)
        case .reminderNotOpen, .promiseNotOpen, .disputeNotOpen, .alreadyDisputed: APIError(.conflict, code: "conflict", error.description)
        case .missingText, .notPositive: APIError(.unprocessableContent, code: "invalid_request", error.description)
        }
    }
}
