public import Foundation

/// Why a call to Odoo could not be completed, phrased so a user can act on it.
///
/// Never carries credentials or request bodies; a server traceback is only in
/// `debugDetail` (see `OdooFailure`), never in `description`.
public enum OdooError: Error, Sendable, CustomStringConvertible, LocalizedError {
    case accessDenied(login: String, database: String)
    case unknownDatabase(String)
    case accessError(String)
    case userError(String)
    case validationError(String)
    case missingRecord(String)
    case unknownModel(String)
    case unknownField(model: String?, field: String)
    case serverFault(code: String, message: String)
    case network(String)
    case timeout(seconds: Double)
    case httpStatus(Int, String)
    case malformedResponse(String)
    /// A read-only client (see `OdooAccessPolicy`) refused a call that may write; nothing was sent.
    case writeRefused(model: String, method: String, mode: String)

    public var description: String {
        switch self {
        case .accessDenied(let login, let database):
            return "Odoo refused the login for user '\(login)' on database '\(database)': check the password or API key (CLOSER_ODOO_PASSWORD / --password)."
        case .unknownDatabase(let name):
            return "Odoo has no database named '\(name)': check the database name (CLOSER_ODOO_DB / --db)."
        case .accessError(let message):
            return "Odoo denied access: \(message) Ask an administrator for the missing access rights."
        case .userError(let message):
            return "Odoo refused the operation: \(message)"
        case .validationError(let message):
            return "Odoo rejected the values: \(message)"
        case .missingRecord(let message):
            return "The record no longer exists in Odoo: \(message) Pull the data again."
        case .unknownModel(let model):
            return "Odoo has no model '\(model)': the module that provides it may not be installed."
        case .unknownField(let model, let field):
            let owner = model.map { " on model '\($0)'" } ?? ""
            return "Odoo has no field '\(field)'\(owner): this Odoo version or its installed modules differ from what was expected."
        case .serverFault(let code, let message):
            return "Odoo reported an error (\(code)): \(message)"
        case .network(let reason):
            return "Could not reach Odoo: \(reason). Check the URL and that the server is running."
        case .timeout(let seconds):
            return "Odoo did not answer within \(Self.format(seconds)): the server may be busy; retry later or raise the timeout."
        case .httpStatus(let status, let reason):
            return "Odoo answered HTTP \(status) (\(reason)): check the URL points at an Odoo server and that it is healthy."
        case .malformedResponse(let detail):
            return "Odoo sent a response Closer could not read: \(detail)."
        case .writeRefused(let model, let method, let mode):
            return "Closer runs in \(mode) mode, which never writes to Odoo: it refused \(model).\(method) before sending it. "
                + "To allow writes, run with --mode supervised (or CLOSER_MODE=supervised)."
        }
    }

    public var errorDescription: String? { description }

    /// Worth retrying with backoff: the server was unreachable, overloaded, or rolled the
    /// transaction back because of a concurrent update.
    public var isTransient: Bool {
        switch self {
        case .network: return true
        case .httpStatus(let status, _): return [502, 503, 504].contains(status)
        case .serverFault(let code, _): return code == Self.serializationFailureCode
        default: return false
        }
    }

    /// Whether an error recorded as text (a failed run's summary) says Odoo could not be reached: the words
    /// `description` gives a network failure, a timeout or a gateway status, taken from it so the two never drift.
    public static func saysUnreachable(_ text: String) -> Bool {
        let failures: [OdooError] = [.network(""), .timeout(seconds: 0), .httpStatus(502, ""), .httpStatus(503, ""), .httpStatus(504, "")]
        return failures.contains { failure in text.contains(failure.description.prefix { $0 != ":" && $0 != "(" }) }
    }

    /// True when the request provably never reached Odoo, so even a write may be resent.
    var neverReachedServer: Bool {
        if case .network(let reason) = self { return reason.hasSuffix(Self.refusedSuffix) }
        return false
    }

    static let serializationFailureCode = "serialization_failure"
    private static let refusedSuffix = "connection refused"

    static func connectionRefused(to host: String) -> OdooError {
        .network("\(host): \(refusedSuffix)")
    }

    private static func format(_ seconds: Double) -> String {
        if seconds == 1 { return "1 second" }
        return (seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)) + " seconds"
    }
}
