/// JSON-RPC 2.0 at `/jsonrpc` (service "common" or "object"), as Odoo's own clients speak it.
struct JSONRPCCodec: RPCProtocolCodec {
    let endpoint: OdooEndpoint

    func request(for call: RPCCall, uid: Int?, timeout: Duration) throws -> HTTPRequest {
        let service: String
        let method: String
        let args: [RPCValue]
        switch call {
        case .version:
            (service, method, args) = ("common", "version", [])
        case .authenticate:
            (service, method, args) = ("common", "authenticate", [
                .string(endpoint.database), .string(endpoint.login), .string(endpoint.credential.secret), .structure([:]),
            ])
        case .model(let model, let modelMethod, let callArgs, let kwargs):
            var values: [RPCValue] = [
                .string(endpoint.database), .int(Int64(uid ?? 0)), .string(endpoint.credential.secret),
                .string(model), .string(modelMethod), .array(callArgs),
            ]
            if !kwargs.isEmpty { values.append(.structure(kwargs)) }
            (service, method, args) = ("object", "execute_kw", values)
        }
        let body = Self.envelope(["service": .string(service), "method": .string(method), "args": .array(args)])
        return HTTPRequest(
            url: endpoint.url(path: "/jsonrpc"),
            headers: [("Content-Type", "application/json")], body: body, timeout: timeout)
    }

    /// `{"jsonrpc": "2.0", "method": "call", "params": …, "id": 1}`. A constant id is enough:
    /// each HTTP exchange carries exactly one call.
    static func envelope(_ params: RPCStruct) -> [UInt8] {
        JSONWriter.encode(["jsonrpc": "2.0", "method": "call", "params": .structure(params), "id": 1])
    }

    func decode(_ response: HTTPResponse, for call: RPCCall) throws -> RPCValue {
        guard response.status == 200 else { throw ResponseFailure.status(response) }
        return try Self.result(of: response.body, endpoint: endpoint)
    }

    /// The `result` of a JSON-RPC reply, or its `error` as an `OdooError`.
    static func result(of body: [UInt8], endpoint: OdooEndpoint) throws -> RPCValue {
        let reply = try JSONDocument.parse(body, expected: "a JSON-RPC reply")
        if let error = reply["error"] {
            let data = error["data"]
            let fault = OdooFault(
                exceptionName: data?["name"]?.stringValue,
                code: error["code"]?.intValue.map(String.init) ?? "?",
                message: data?["message"]?.stringValue ?? error["message"]?.stringValue ?? "unknown error",
                debug: data?["debug"]?.stringValue)
            throw ResponseFailure.error(for: fault, endpoint: endpoint)
        }
        // Odoo leaves "result" out when the method returned None (e.g. account.move.line.reconcile):
        // that is a success, and the side effect has happened.
        if reply["result"] == nil, reply["jsonrpc"]?.stringValue == "2.0", reply["id"] != nil { return .null }
        guard let result = reply["result"] else {
            throw OdooError.malformedResponse(
                "expected a JSON-RPC reply with \"result\" or \"error\"; the body starts with \(ResponseFailure.preview(body))")
        }
        return result
    }
}
