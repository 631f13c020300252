import Foundation
public import OdooRPC

/// Odoo's refusals as people read them: Odoo's own message on one line (its "An error has occurred."
/// preamble dropped), never a traceback.
public enum OdooErrorText {
    /// A short reason, for inside a warning sentence.
    public static func oneLine(_ error: any Error) -> String {
        let text = (error as? OdooError).map { error -> String in
            switch error {
            case .userError(let message), .validationError(let message), .accessError(let message), .missingRecord(let message):
                return message
            case .serverFault(_, let message): return message
            default: return "\(error)"
            }
        } ?? "\(error)"
        let oneLine = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0 != "An error has occurred." }.joined(separator: " ")
        return oneLine.count > 300 ? String(oneLine.prefix(300)) + "…" : oneLine
    }

    /// The reason as a sentence of its own.
    public static func sentence(_ error: any Error) -> String {
        var text = oneLine(error)
        if let last = text.last, !".!?".contains(last) { text += "." }
        return text
    }
}

extension Optional where Wrapped == OdooError {
    /// Odoo answered with a refusal (its transaction rolled back); anything else (timeout, lost
    /// connection) may or may not have been applied.
    public var isDefinitelyRefusedByOdoo: Bool {
        switch self {
        case .userError?, .validationError?, .accessError?, .missingRecord?, .unknownField?, .unknownModel?, .accessDenied?: true
        case .serverFault?: true
        default: false
        }
    }
}
