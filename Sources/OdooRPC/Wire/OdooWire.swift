import Foundation

/// The codecs without a client: for fixtures, benchmarks and tools that hold raw bodies.
public enum OdooWire {
    /// The value of an XML-RPC methodResponse; a fault or unreadable body throws `OdooError`.
    public static func decodeXMLRPCResponse(_ body: [UInt8], login: String = "", database: String = "") throws -> RPCValue {
        try XMLRPCCodec(endpoint: placeholder(login, database)).decode(HTTPResponse(status: 200, body: body), for: .version)
    }

    /// The `result` of a JSON-RPC reply; an `error` member or unreadable body throws `OdooError`.
    public static func decodeJSONRPCResponse(_ body: [UInt8], login: String = "", database: String = "") throws -> RPCValue {
        try JSONRPCCodec.result(of: body, endpoint: placeholder(login, database))
    }

    public static func decodeJSON(_ body: [UInt8]) throws -> RPCValue {
        try JSONDocument.parse(body, expected: "JSON")
    }

    /// A methodCall exactly as Python's `xmlrpc.client.dumps` writes it.
    public static func encodeXMLRPCCall(_ method: String, params: [RPCValue]) -> [UInt8] {
        XMLRPCEncoder.methodCall(method, params: params)
    }

    /// The method and params of an XML-RPC methodCall, as a server reads them (simulated and fake Odoos).
    public static func decodeXMLRPCCall(_ body: [UInt8]) throws -> (method: String, params: [RPCValue]) {
        let result = body.withUnsafeBytes { raw in
            var decoder = XMLRPCDecoder(raw)
            return Result { () throws(XMLSyntaxError) in try decoder.methodCall() }
        }
        switch result {
        case .success(let call): return call
        case .failure(let error):
            throw ResponseFailure.malformed(expected: "an XML-RPC methodCall (\(error.expected))", detail: "other content", offset: error.offset, body: body)
        }
    }

    /// A methodResponse as Python's `xmlrpc.client.dumps(..., methodresponse=True)` writes it.
    public static func encodeXMLRPCResponse(_ value: RPCValue) -> [UInt8] {
        var out = ByteWriter()
        out.append("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n")
        XMLRPCEncoder.append(value, to: &out)
        out.append("</param>\n</params>\n</methodResponse>\n")
        return out.bytes
    }

    /// A fault methodResponse, as Odoo's XML-RPC endpoint sends one.
    public static func encodeXMLRPCFault(code: Int, message: String) -> [UInt8] {
        var out = ByteWriter()
        out.append("<?xml version='1.0'?>\n<methodResponse>\n<fault>\n")
        XMLRPCEncoder.append(["faultCode": .int(Int64(code)), "faultString": .string(message)], to: &out)
        out.append("</fault>\n</methodResponse>\n")
        return out.bytes
    }

    /// JSON exactly as Python's `json.dumps` writes it.
    public static func encodeJSON(_ value: RPCValue) -> [UInt8] {
        JSONWriter.encode(value)
    }

    private static func placeholder(_ login: String, _ database: String) -> OdooEndpoint {
        OdooEndpoint(url: URL(fileURLWithPath: "/"), database: database, login: login, credential: .password(""))
    }
}
