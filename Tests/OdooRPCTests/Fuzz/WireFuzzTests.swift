import Foundation
import FuzzSupport
@testable import OdooRPC
import Testing

/// Odoo's answers are parsed by hand-written decoders; whatever comes back (a proxy's error page, a
/// cut-off body, a hostile server) must give an error, never a crash. Seeds: the recorded transcripts.
@Suite struct WireFuzzTests {
    static let xmlTokens = ["<value>", "</value>", "<struct>", "</struct>", "<member><name>", "</name>", "<array><data>", "</data></array>",
                            "<int>", "<i8>", "<double>", "<boolean>", "<string>", "<nil/>", "<base64>", "<dateTime.iso8601>", "<fault>",
                            "&amp;", "&#x1F600;", "&#0;", "&lt;", "<![CDATA[", "<!--", "<?xml", "methodResponse", "9223372036854775808"]
    static let jsonTokens = ["{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "\\u0000", "\\ud800", "\\uDFFF\\uD800", "1e309",
                             "-0", "\"result\":", "\"error\":", "\"data\":", "9223372036854775808", "0.1e-400"]

    @Test func xmlrpcBodiesNeverTrap() {
        let corpus = Transcript.xmlrpc.flatMap { [$0.request, $0.response] }
        let count = Fuzzer(corpus: corpus, dictionary: Self.xmlTokens).run { body in
            _ = try? Wire.xmlResponse(body)
            _ = try? Wire.xmlCall(body)
        }
        #expect(count >= corpus.count)
    }

    @Test func jsonBodiesNeverTrap() {
        let corpus = Transcript.jsonrpc.flatMap { [$0.request, $0.response] }
        let endpoint = OdooEndpoint(url: URL(string: "http://127.0.0.1:9")!, database: "closedemo", login: "admin", credential: .password("x"),
                                    rpcProtocol: .jsonrpc)
        let count = Fuzzer(corpus: corpus, dictionary: Self.jsonTokens).run { body in
            _ = try? Wire.json(body)
            _ = try? JSONRPCCodec.result(of: body, endpoint: endpoint)
        }
        #expect(count >= corpus.count)
    }

    /// Values Closer writes must come back equal through both encoders and decoders.
    @Test func randomValuesRoundTripThroughBothWires() throws {
        try Fuzzer.rounds(smoke: 500) { random in
            let value = RandomRPCValue.make(&random, depth: 3)
            guard case .value(let decoded) = try Wire.xmlResponse(Wire.xmlResponseBody(value)) else {
                Issue.record("no value decoded for \(value)"); return
            }
            #expect(decoded == value)
            let json = RandomRPCValue.jsonComparable(value)
            let back = try Wire.json(JSONWriter.encode(json))
            #expect(back == json, "\(json) came back as \(back)")
        }
    }
}
