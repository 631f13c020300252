/// Odoo 19's JSON-2 API: `POST /json/2/<model>/<method>` with named arguments, a bearer
/// API key, and errors as non-2xx statuses with a JSON body.
struct JSON2Codec: RPCProtocolCodec {
    let endpoint: OdooEndpoint

    /// Names of the leading positional arguments of common ORM methods; other methods
    /// take record ids first and everything else as kwargs.
    private static let parameterNames: [String: [String]] = [
        "search": ["domain"], "search_count": ["domain"], "search_read": ["domain", "fields"],
        "read": ["ids", "fields"], "write": ["ids", "vals"], "unlink": ["ids"], "create": ["vals_list"],
        "fields_get": ["allfields", "attributes"], "read_group": ["domain", "fields", "groupby"],
        "name_search": ["name"],
    ]

    func request(for call: RPCCall, uid: Int?, timeout: Duration) throws -> HTTPRequest {
        switch call {
        case .version:
            // The web client's JSON-RPC route, served without authentication or database by 16 to 19
            // (there is no /web/version: Odoo answers 404, or a redirect when it serves several databases).
            return HTTPRequest(
                url: endpoint.url(path: "/web/webclient/version_info"), headers: [("Content-Type", "application/json")],
                body: JSONRPCCodec.envelope([:]), timeout: timeout)
        case .authenticate:
            // JSON-2 has no login call: the key authenticates each request; find its user.
            let domain: RPCValue = [["login", "=", .string(endpoint.login)]]
            return try modelRequest("res.users", "search", args: [domain], kwargs: ["limit": 1], timeout: timeout)
        case .model(let model, let method, let args, let kwargs):
            return try modelRequest(model, method, args: args, kwargs: kwargs, timeout: timeout)
        }
    }

    private func modelRequest(_ model: String, _ method: String, args: [RPCValue], kwargs: RPCStruct, timeout: Duration) throws -> HTTPRequest {
        let names = Self.parameterNames[method] ?? ["ids"]
        guard args.count <= names.count else {
            throw OdooError.userError("JSON-2 calls take named arguments: pass the arguments of \(model).\(method) after the first as kwargs.")
        }
        var body = RPCStruct()
        for (name, value) in zip(names, args) { body[name] = value }
        for (key, value) in kwargs { body[key] = value }
        return HTTPRequest(
            url: endpoint.url(path: "/json/2/\(model)/\(method)"),
            headers: [
                ("Authorization", "bearer \(endpoint.credential.secret)"),
                ("X-Odoo-Database", endpoint.database),
                ("Content-Type", "application/json; charset=utf-8"),
            ],
            body: JSONWriter.encode(.structure(body)), timeout: timeout)
    }

    func decode(_ response: HTTPResponse, for call: RPCCall) throws -> RPCValue {
        if case .version = call {
            guard response.status == 200 else { throw ResponseFailure.status(response) }
            return try JSONRPCCodec.result(of: response.body, endpoint: endpoint)
        }
        guard (200..<300).contains(response.status) else { throw failure(response) }
        let value = try JSONDocument.parse(response.body, expected: "a JSON-2 result")
        if case .authenticate = call {
            return value.arrayValue?.first ?? .bool(false)
        }
        return value
    }

    private func failure(_ response: HTTPResponse) -> OdooError {
        if response.status == 401 { return .accessDenied(login: endpoint.login, database: endpoint.database) }
        guard let body = try? JSONDocument.parse(response.body, expected: "a JSON-2 error"),
              let name = body["name"]?.stringValue else { return ResponseFailure.status(response) }
        let fault = OdooFault(
            exceptionName: name, code: String(response.status),
            message: body["message"]?.stringValue ?? name, debug: body["debug"]?.stringValue)
        return ResponseFailure.error(for: fault, endpoint: endpoint)
    }
}
