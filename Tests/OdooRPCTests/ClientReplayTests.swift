import Foundation
import LoopbackHTTP
@testable import OdooRPC
import Testing

/// Every recorded object call, replayed through OdooClient and the real URLSessionTransport
/// against a loopback server that only answers byte-identical requests.
@Suite struct ClientReplayTests {
    static let objectCalls = Transcript.all.filter { $0.path == "/xmlrpc/2/object" || ($0.path == "/jsonrpc" && $0.name != "jsonrpc-01-version" && $0.name != "jsonrpc-02-authenticate") }
        .filter { $0.name != "jsonrpc-06-fault-access-denied" }  // sent with a wrong password, see FaultMappingTests

    @Test(arguments: objectCalls)
    func replaysThroughClient(transcript: Transcript) async throws {
        let server = try LoopbackServer(handler: TranscriptReplay.action)
        defer { server.stop() }
        let rpcProtocol: RPCProtocol = transcript.isXMLRPC ? .xmlrpc : .jsonrpc
        let client = OdooClient(endpoint: TranscriptReplay.endpoint(server, rpcProtocol), options: TranscriptReplay.fastRetry)
        let call = try Self.objectCall(transcript)
        let expected = try Self.recordedResult(transcript)
        do {
            let value = try await client.execute(call.model, call.method, call.args, call.kwargs, idempotent: false)
            #expect(value == expected)
        } catch let error as OdooError {
            #expect(expected == nil, "unexpected \(error)")
            #expect(!"\(error)".contains("Traceback"))
        }
        #expect(server.requestCount == 2)  // authenticate + the call: nothing retried
    }

    @Test(arguments: RPCProtocol.allCases.filter { $0 != .json2 })
    func versionAndAuthenticate(rpcProtocol: RPCProtocol) async throws {
        let server = try LoopbackServer(handler: TranscriptReplay.action)
        defer { server.stop() }
        let client = OdooClient(endpoint: TranscriptReplay.endpoint(server, rpcProtocol))
        let version = try await client.version()
        #expect(version == OdooServerVersion(serverVersion: "18.0", major: 18, minor: 0, serie: "18.0", isSaaS: false))
        #expect(try await client.authenticate() == 2)
    }

    @Test func typedHelpersSendWhatPythonSends() async throws {
        let server = try LoopbackServer(handler: TranscriptReplay.action)
        defer { server.stop() }
        let client = OdooClient(endpoint: TranscriptReplay.endpoint(server), options: TranscriptReplay.fastRetry)
        #expect(try await client.searchCount("account.move", domain: [["state", "=", "posted"]]) == 23)
        await #expect(throws: OdooError.self) { try await client.write("account.move", ids: [10], ["date": "2020-01-01"]) }
        try await client.unlink("account.move", ids: [25])
        await #expect {
            _ = try await client.search("no.such.model", domain: [])
        } throws: { error in
            guard case OdooError.unknownModel("no.such.model") = error else { return false }
            return true
        }
    }

    static func objectCall(_ transcript: Transcript) throws -> (model: String, method: String, args: [RPCValue], kwargs: RPCStruct) {
        let params: [RPCValue]
        if transcript.isXMLRPC {
            params = try Wire.xmlCall(transcript.request).params
        } else {
            params = try #require(try Wire.json(transcript.request)["params"]?["args"]?.arrayValue)
        }
        return (
            try #require(params[3].stringValue), try #require(params[4].stringValue),
            try #require(params[5].arrayValue), params.count > 6 ? try #require(params[6].structValue) : [:]
        )
    }

    /// The recorded result, or nil when the transcript is a fault.
    static func recordedResult(_ transcript: Transcript) throws -> RPCValue? {
        if transcript.isXMLRPC {
            if case .value(let value) = try Wire.xmlResponse(transcript.response) { return value }
            return nil
        }
        return try Wire.json(transcript.response)["result"]
    }
}
