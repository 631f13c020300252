/// A password or API key; prints as `<redacted>` so it cannot leak through logs or errors.
public enum OdooCredential: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    case password(String)
    case apiKey(String)

    /// What goes on the wire; Odoo accepts an API key wherever a password is expected.
    var secret: String {
        switch self {
        case .password(let value), .apiKey(let value): return value
        }
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
}
