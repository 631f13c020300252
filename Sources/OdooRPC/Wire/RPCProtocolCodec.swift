/// Turns calls into HTTP requests and responses into values or `OdooError`s: the only
/// place the three protocols differ, so `OdooClient` has one code path.
protocol RPCProtocolCodec: Sendable {
    func request(for call: RPCCall, uid: Int?, timeout: Duration) throws -> HTTPRequest
    func decode(_ response: HTTPResponse, for call: RPCCall) throws -> RPCValue
}

extension RPCProtocol {
    func codec(for endpoint: OdooEndpoint) -> any RPCProtocolCodec {
        switch self {
        case .xmlrpc: return XMLRPCCodec(endpoint: endpoint)
        case .jsonrpc: return JSONRPCCodec(endpoint: endpoint)
        case .json2: return JSON2Codec(endpoint: endpoint)
        }
    }
}

/// Helpers the codecs share for failures.
enum ResponseFailure {
    /// At most 80 bytes of the body, with control and non-ASCII bytes shown as '.', so a
    /// message shows what arrived (an HTML error page, a truncated document) safely.
    static func preview(_ body: [UInt8]) -> String {
        if body.isEmpty { return "an empty body" }
        let shown = body.prefix(80).map { $0 >= 0x20 && $0 < 0x7F ? Character(Unicode.Scalar($0)) : "." }
        return "'" + String(shown) + (body.count > 80 ? "…'" : "'")
    }

    static func malformed(expected: String, detail: String, offset: Int, body: [UInt8]) -> OdooError {
        .malformedResponse("expected \(expected) but found \(detail) at byte \(offset) of \(body.count); the body starts with \(preview(body))")
    }

    static func status(_ response: HTTPResponse) -> OdooError {
        .httpStatus(response.status, reason(response.status))
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 413: return "Payload Too Large"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "unexpected status"
        }
    }

    /// Converts a fault to the error users see, keeping the traceback for `debugDetail`.
    static func error(for fault: OdooFault, endpoint: OdooEndpoint) -> OdooError {
        let error = fault.error(login: endpoint.login, database: endpoint.database)
        if let debug = fault.debug { FaultDetails.remember(debug, for: error) }
        return error
    }
}
