/// XML-RPC at `/xmlrpc/2/common` and `/xmlrpc/2/object`.
struct XMLRPCCodec: RPCProtocolCodec {
    let endpoint: OdooEndpoint

    func request(for call: RPCCall, uid: Int?, timeout: Duration) throws -> HTTPRequest {
        let service: String
        let body: [UInt8]
        switch call {
        case .version:
            service = "common"
            body = XMLRPCEncoder.methodCall("version", params: [])
        case .authenticate:
            service = "common"
            body = XMLRPCEncoder.methodCall("authenticate", params: [
                .string(endpoint.database), .string(endpoint.login), .string(endpoint.credential.secret), .structure([:]),
            ])
        case .model(let model, let method, let args, let kwargs):
            service = "object"
            var params: [RPCValue] = [
                .string(endpoint.database), .int(Int64(uid ?? 0)), .string(endpoint.credential.secret),
                .string(model), .string(method), .array(args),
            ]
            // Python clients omit an empty kwargs dict; so do we, to match their bytes.
            if !kwargs.isEmpty { params.append(.structure(kwargs)) }
            body = XMLRPCEncoder.methodCall("execute_kw", params: params)
        }
        return HTTPRequest(
            url: endpoint.url(path: "/xmlrpc/2/\(service)"),
            headers: [("Content-Type", "text/xml")], body: body, timeout: timeout)
    }

    func decode(_ response: HTTPResponse, for call: RPCCall) throws -> RPCValue {
        guard response.status == 200 else { throw ResponseFailure.status(response) }
        switch try Self.decodeResponse(response.body) {
        case .value(let value):
            return value
        case .fault(let fault):
            let code: String = switch fault["faultCode"] {
            case .int(let number)?: String(number)
            case .string(let text)?: text
            default: "?"
            }
            let message = fault["faultString"]?.stringValue ?? ""
            throw ResponseFailure.error(for: OdooFault(xmlrpcCode: code, faultString: message), endpoint: endpoint)
        }
    }

    static func decodeResponse(_ body: [UInt8]) throws(OdooError) -> XMLRPCResponse {
        let result = body.withUnsafeBytes { raw in
            var decoder = XMLRPCDecoder(raw)
            return Result { () throws(XMLSyntaxError) in try decoder.methodResponse() }
        }
        switch result {
        case .success(let response):
            return response
        case .failure(let error):
            let found = error.offset >= body.count ? "the end of the body" : "other content"
            throw ResponseFailure.malformed(
                expected: "an XML-RPC methodResponse (\(error.expected))", detail: found, offset: error.offset, body: body)
        }
    }
}
