import Foundation
extension OdooFault {
    /// Maps by exception name first, then by the message patterns Odoo uses for
    /// unknown models, fields and databases; anything else is a `serverFault`.
    func error(login: String, database: String) -> OdooError {
        let name = exceptionName.map { $0.split(separator: ".").last.map(String.init) ?? $0 } ?? ""
        if name == "AccessDenied" { return .accessDenied(login: login, database: database) }
        if isSerializationFailure(name) {
            return .serverFault(code: OdooError.serializationFailureCode, message: message)
        }
        if let database = quoted(after: "database \"", in: message), message.contains("does not exist") {
            return .unknownDatabase(database)
        }
        if let model = between("Object ", " doesn't exist", in: message) { return .unknownModel(model) }
        // Odoo 19's JSON-2 answers 404 NotFound "the model 'x' does not exist".
        if let model = quoted(after: "the model '", in: message), message.hasSuffix("does not exist") { return .unknownModel(model) }
        if let field = quoted(after: "Invalid field '", in: message) {
            return .unknownField(model: quoted(after: "on model '", in: message), field: field)
        }
        switch name {
        case "AccessError": return .accessError(message)
        case "MissingError": return .missingRecord(message)
        case "ValidationError": return .validationError(message)
        case "UserError", "RedirectWarning", "Warning", "except_orm": return .userError(message)
        default: return .serverFault(code: name.isEmpty ? code : name, message: message)
        }
    }

    private func isSerializationFailure(_ name: String) -> Bool {
        name == "SerializationFailure" || name == "TransactionRollbackError"
            || message.contains("could not serialize access")
    }

    private func quoted(after prefix: String, in text: String) -> String? {
        guard let start = text.range(of: prefix)?.upperBound else { return nil }
        let quote = text[text.index(before: start)]
        guard let end = text[start...].firstIndex(of: quote) else { return nil }
        return String(text[start..<end])
    }

    private func between(_ prefix: String, _ suffix: String, in text: String) -> String? {
        guard let start = text.range(of: prefix)?.upperBound,
              let end = text[start...].range(of: suffix)?.lowerBound else { return nil }
        return String(text[start..<end])
    }
}
