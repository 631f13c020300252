import Foundation
import Ledger
import LoopbackHTTP
@testable import OdooRPC

/// Server behaviour that answers a request with the transcript whose recorded request
/// has exactly the same bytes, so it also proves the client sends what Python sends.
enum TranscriptReplay {
    static func action(for request: LoopbackServer.Request) -> LoopbackServer.Action {
        guard let match = Transcript.all.first(where: { $0.request == request.body && $0.path == request.path }) else {
            let body = String(decoding: request.body, as: UTF8.self)
            return .respond(status: 418, contentType: "text/plain", body: Array("no transcript for \(request.path):\n\(body)".utf8))
        }
        return .respond(status: match.status, contentType: match.contentType, body: match.response)
    }

    static func endpoint(_ server: LoopbackServer, _ rpcProtocol: RPCProtocol = .xmlrpc, password: String = "admin") -> OdooEndpoint {
        OdooEndpoint(url: server.url, database: "closedemo", login: "admin", credential: .password(password), rpcProtocol: rpcProtocol)
    }

    static let fastRetry = OdooClientOptions(
        timeout: .seconds(10), retry: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(5), maxDelay: .milliseconds(20)))
}
