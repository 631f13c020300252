/// One call to Odoo, independent of the wire protocol.
enum RPCCall: Sendable {
    case version
    case authenticate
    case model(model: String, method: String, args: [RPCValue], kwargs: RPCStruct)

    /// For logs: names the call, never its arguments (they carry the password).
    var label: String {
        switch self {
        case .version: return "common.version"
        case .authenticate: return "common.authenticate"
        case .model(let model, let method, _, _): return "\(model).\(method)"
        }
    }
}
