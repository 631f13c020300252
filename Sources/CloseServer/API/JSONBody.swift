import OdooRPC
import Foundation
import Hummingbird

/// A JSON response with the same encoding everywhere (sorted keys, ISO dates), so clients and
/// tests see stable documents.
struct JSONBody<Value: Encodable & Sendable>: ResponseGenerator {
    var value: Value
    var status: HTTPResponse.Status = .ok

    init(_ value: Value, status: HTTPResponse.Status = .ok) {
        self.value = value
        self.status = status
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Response.bytes(try encoder.encode(value), status: status)
    }
}

extension Response {
    /// A response from bytes already encoded (e.g. findings kept as JSON in the store, metrics text).
    static func bytes(_ bytes: some Sequence<UInt8>, status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8") -> Response {
        Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
