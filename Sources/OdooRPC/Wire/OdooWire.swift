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

    /// JSON exactly as Python's `json.dumps` writes it.
    public static func encodeJSON(_ value: RPCValue) -> [UInt8] {
        JSONWriter.encode(value)
    }

    private static func placeholder(_ login: String, _ database: String) -> OdooEndpoint {
        OdooEndpoint(url: URL(fileURLWithPath: "/"), database: database, login: login, credential: .password(""))
    }
}
