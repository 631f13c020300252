import Foundation
@testable import OdooRPC

/// The recorded Odoo 18 wire transcripts beside this file (Fixtures/transcripts).
struct Transcript: Sendable, CustomStringConvertible {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/transcripts")

    let name: String
    let request: [UInt8]
    let response: [UInt8]
    let path: String
    let contentType: String
    let status: Int

    var description: String { name }
    var isXMLRPC: Bool { name.hasPrefix("xmlrpc") }

    static let all: [Transcript] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".meta.txt") }.sorted().map { load(String($0.dropLast(".meta.txt".count))) }
    }()

    static var xmlrpc: [Transcript] { all.filter(\.isXMLRPC) }
    static var jsonrpc: [Transcript] { all.filter { !$0.isXMLRPC } }

    static func named(_ prefix: String) -> Transcript {
        guard let found = all.first(where: { $0.name.hasPrefix(prefix) }) else { fatalError("no transcript \(prefix)") }
        return found
    }

    private static func load(_ name: String) -> Transcript {
        let ext = name.hasPrefix("xmlrpc") ? "xml" : "json"
        func bytes(_ suffix: String) -> [UInt8] {
            (try? [UInt8](Data(contentsOf: directory.appendingPathComponent("\(name).\(suffix)")))) ?? []
        }
        let meta = String(decoding: bytes("meta.txt"), as: UTF8.self).split(separator: "\n").map(String.init)
        return Transcript(
            name: name, request: bytes("request.\(ext)"), response: bytes("response.\(ext)"),
            path: String(meta[0].split(separator: " ")[1]),
            contentType: String(meta[1].dropFirst("Content-Type: ".count)),
            status: Int(meta[2].split(separator: " ")[1]) ?? 0)
    }
}

/// Test-side helpers around the internal decoders.
enum Wire {
    static func xmlCall(_ bytes: [UInt8]) throws -> (method: String, params: [RPCValue]) {
        try bytes.withUnsafeBytes { raw in
            var decoder = XMLRPCDecoder(raw)
            return try decoder.methodCall()
        }
    }

    static func xmlResponse(_ bytes: [UInt8]) throws -> XMLRPCResponse {
        try XMLRPCCodec.decodeResponse(bytes)
    }

    static func json(_ bytes: [UInt8]) throws -> RPCValue {
        try JSONDocument.parse(bytes, expected: "JSON")
    }

    /// A methodResponse as Python's xmlrpc.client writes it, for fake servers.
    static func xmlResponseBody(_ value: RPCValue) -> [UInt8] { OdooWire.encodeXMLRPCResponse(value) }

    static func xmlFaultBody(code: Int, message: String) -> [UInt8] { OdooWire.encodeXMLRPCFault(code: code, message: message) }
}
