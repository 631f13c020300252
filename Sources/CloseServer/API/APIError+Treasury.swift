import Hummingbird
import CloseWorkflows
import CloseStore
import Treasury

/// Payment runs' and bank verifications' refusals as the API reports them: the separation of duties refuses (403),
/// a run in the wrong state conflicts (409), an unknown run or account is not found (404).
extension APIError {
    static func paymentRun(_ error: PaymentRunError) -> APIError {
        switch error {
        case .unknownRun: APIError(.notFound, code: "not_found", error.description)
        case .wrongStatus, .approvedRunUnpaid, .emptyRun: APIError(.conflict, code: "conflict", error.description)
        case .ownProposal, .conflicts: APIError(.forbidden, code: "policy_refused", error.description)
        case .noReason, .noChannel: APIError(.badRequest, code: "invalid_request", error.description)
        }
    }

    static func bankVerification(_ error: BankVerificationError) -> APIError {
        switch error {
        case .unknownAccount: APIError(.notFound, code: "not_found", error.description)
        case .ownChange: APIError(.forbidden, code: "policy_refused", error.description)
        }
    }

    /// A run whose group cannot be written as a pain.001 file (a journal without its own account, …): the data must change first.
    static func creditTransferFile(_ error: CreditTransferFileError) -> APIError {
        APIError(.conflict, code: "conflict", error.description)
    }
}
