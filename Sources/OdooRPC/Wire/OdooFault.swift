/// A fault as Odoo reported it, before it becomes an `OdooError`.
///
/// JSON-RPC and JSON-2 name the Python exception; XML-RPC gives only a numeric code
/// (2 UserError, 3 AccessDenied, 4 AccessError, 1 anything else with the traceback as text).
struct OdooFault: Sendable {
    var exceptionName: String?
    var code: String
    var message: String
    var debug: String?

    init(exceptionName: String?, code: String, message: String, debug: String?) {
        self.exceptionName = exceptionName
        self.code = code
        self.message = message
        self.debug = debug
    }

    /// From an XML-RPC fault, whose faultString is either the message or a traceback.
    init(xmlrpcCode: String, faultString: String) {
        let lines = faultString.split(separator: "\n", omittingEmptySubsequences: true)
        if faultString.hasPrefix("Traceback"), let last = lines.last {
            let exception = OdooFault.splitExceptionLine(String(last))
            self.init(exceptionName: exception.name, code: xmlrpcCode, message: exception.message, debug: faultString)
        } else {
            let name: String? = switch xmlrpcCode {
            case "3": "odoo.exceptions.AccessDenied"
            case "4": "odoo.exceptions.AccessError"
            case "2": "odoo.exceptions.UserError"
            default: nil
            }
            let message = faultString.hasPrefix(Self.genericPrefix)
                ? String(faultString.dropFirst(Self.genericPrefix.count)) : faultString
            self.init(exceptionName: name, code: xmlrpcCode, message: message, debug: faultString)
        }
    }

    /// Odoo prefixes some UserErrors (e.g. unbalanced moves) with this boilerplate line.
    private static let genericPrefix = "An error has occurred.\n\n"

    /// "psycopg2.errors.SerializationFailure: could not serialize" -> (name, message).
    static func splitExceptionLine(_ line: String) -> (name: String?, message: String) {
        guard let colon = line.firstIndex(of: ":") else { return (nil, line) }
        let name = line[..<colon]
        guard !name.isEmpty, !name.contains(" ") else { return (nil, line) }
        let message = line[line.index(after: colon)...].drop { $0 == " " }
        return (String(name), String(message))
    }
}
