/// An Odoo exception as a server reports it: JSON-RPC puts the Python exception's name and message in
/// the error's data; XML-RPC sends a fault whose text ends with "name: message", as Odoo's traceback does.
public struct OdooServerFault: Error, Sendable, CustomStringConvertible {
    public var exceptionName: String
    public var message: String

    public init(exceptionName: String, message: String) {
        self.exceptionName = exceptionName
        self.message = message
    }

    public static func user(_ message: String) -> OdooServerFault { OdooServerFault(exceptionName: "odoo.exceptions.UserError", message: message) }
    public static func validation(_ message: String) -> OdooServerFault {
        OdooServerFault(exceptionName: "odoo.exceptions.ValidationError", message: message)
    }
    public static let accessDenied = OdooServerFault(exceptionName: "odoo.exceptions.AccessDenied", message: "Access Denied")

    /// What Odoo answers for a model it does not have.
    public static func noModel(_ model: String) -> OdooServerFault { OdooServerFault(exceptionName: "builtins.KeyError", message: "Object \(model) doesn't exist") }

    public var description: String { message }
}
