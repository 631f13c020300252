import Foundation
import Ledger
import LoopbackHTTP
@testable import OdooRPC
import Testing

/// Retries, timeouts and broken responses through the real URLSessionTransport.
@Suite struct TransportBehaviourTests {
    static let badGateway = LoopbackServer.Action.respond(status: 502, contentType: "text/html", body: Array("<html>502</html>".utf8))

    /// Answers authenticate from the transcript, everything else with `behaviour(n)` where n
    /// counts the non-authenticate requests from 1.
    static func server(_ behaviour: @escaping @Sendable (Int, LoopbackServer.Request) -> LoopbackServer.Action) throws -> LoopbackServer {
        let calls = Locked(0)
        return try LoopbackServer { request in
            if request.body == Transcript.named("xmlrpc-02").request { return TranscriptReplay.action(for: request) }
            return behaviour(calls.withLock { $0 += 1; return $0 }, request)
        }
    }

    static func client(_ server: LoopbackServer, password: String = "admin", options: OdooClientOptions = TranscriptReplay.fastRetry) -> OdooClient {
        OdooClient(endpoint: TranscriptReplay.endpoint(server, password: password), options: options)
    }

    @Test func retriesBadGatewayThenSucceeds() async throws {
        let server = try Self.server { n, request in n <= 2 ? Self.badGateway : TranscriptReplay.action(for: request) }
        defer { server.stop() }
        #expect(try await Self.client(server).searchCount("account.move", domain: [["state", "=", "posted"]]) == 23)
        #expect(server.requestCount == 1 + 3)
    }

    @Test func givesUpAfterMaxAttempts() async throws {
        let server = try Self.server { _, _ in Self.badGateway }
        defer { server.stop() }
        await #expect {
            _ = try await Self.client(server).searchCount("account.move", domain: [])
        } throws: { error in
            guard case OdooError.httpStatus(502, _) = error else { return false }
            return true
        }
        #expect(server.requestCount == 1 + 4)
    }

    @Test func neverRetriesAFault() async throws {
        let server = try Self.server { _, _ in .ok(Transcript.named("xmlrpc-09").response) }
        defer { server.stop() }
        await #expect(throws: OdooError.self) { _ = try await Self.client(server).search("no.such.model", domain: []) }
        #expect(server.requestCount == 1 + 1)
    }

    @Test func neverResendsACreateThatMayHaveArrived() async throws {
        let server = try Self.server { _, _ in Self.badGateway }
        defer { server.stop() }
        await #expect(throws: OdooError.self) { _ = try await Self.client(server).create("account.move", [["ref": "x"]]) }
        #expect(server.requestCount == 1 + 1)
    }

    @Test func resendsACreateWhenTheConnectionWasRefused() async throws {
        let server = try Self.server { _, _ in .ok(Wire.xmlResponseBody([25])) }
        defer { server.stop() }
        let refused = URL(string: "http://127.0.0.1:\(LoopbackServer.closedPort())")!
        let transport = FirstAttemptsElsewhere(url: refused, count: 2)
        let client = OdooClient(endpoint: TranscriptReplay.endpoint(server), options: TranscriptReplay.fastRetry, transport: transport)
        _ = try await client.authenticate()
        #expect(try await client.create("account.move", [["ref": "x"]]) == [25])
        #expect(transport.attempts == 1 + 3)
        #expect(server.requestCount == 1 + 1)
    }

    @Test func retriesSerializationFailureEvenForWrites() async throws {
        let conflict = Wire.xmlFaultBody(code: 1, message: FaultMappingTests.traceback(
            "psycopg2.errors.SerializationFailure: could not serialize access due to concurrent update"))
        let server = try Self.server { n, _ in .ok(n == 1 ? conflict : Wire.xmlResponseBody(true)) }
        defer { server.stop() }
        try await Self.client(server).write("account.move", ids: [1], ["ref": "y"])
        #expect(server.requestCount == 1 + 2)
    }

    @Test func connectionRefusedIsANetworkError() async throws {
        let url = URL(string: "http://127.0.0.1:\(LoopbackServer.closedPort())/some/path?token=abc")!
        let endpoint = OdooEndpoint(url: url, database: "d", login: "u", credential: .password("pw-123"))
        let options = OdooClientOptions(retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1)))
        await #expect {
            _ = try await OdooClient(endpoint: endpoint, options: options).version()
        } throws: { error in
            guard case OdooError.network(let reason) = error else { return false }
            return reason.contains("127.0.0.1:") && reason.contains("refused") && !reason.contains("token")
        }
    }

    @Test func slowServerTimesOut() async throws {
        let server = try Self.server { _, request in .delay(seconds: 3, then: TranscriptReplay.action(for: request)) }
        defer { server.stop() }
        let options = OdooClientOptions(timeout: .seconds(1), retry: TranscriptReplay.fastRetry.retry)
        await #expect {
            _ = try await Self.client(server, options: options).searchCount("account.move", domain: [["state", "=", "posted"]])
        } throws: { error in
            guard case OdooError.timeout(seconds: 1) = error else { return false }
            return (error as? OdooError)?.description.contains("within 1 second:") == true
        }
        #expect(server.requestCount == 1 + 1)
    }

    @Test(arguments: [
        ("truncated", "the end of the body"),
        ("html", "the body starts with '<!DOCTYPE html><html><body>Odoo is being upgraded</body></html>'"),
    ])
    func unreadableResponsesAreMalformed(kind: String, phrase: String) async throws {
        let full = Transcript.named("xmlrpc-06").response
        let body = kind == "html" ? Array("<!DOCTYPE html><html><body>Odoo is being upgraded</body></html>".utf8) : Array(full.prefix(3000))
        let server = try Self.server { _, _ in .ok(body) }
        defer { server.stop() }
        await #expect {
            _ = try await Self.client(server).searchCount("account.move", domain: [])
        } throws: { error in
            guard case OdooError.malformedResponse(let detail) = error else { return false }
            return detail.contains(phrase) && detail.contains("expected")
        }
        #expect(server.requestCount == 1 + 1)
    }

    @Test(arguments: ["close", "cut"])
    func brokenConnectionsAreNetworkErrors(kind: String) async throws {
        let server = try Self.server { _, _ in
            kind == "close" ? .close : .truncated(body: Transcript.named("xmlrpc-06").response, sent: 1000)
        }
        defer { server.stop() }
        await #expect {
            _ = try await Self.client(server).searchCount("account.move", domain: [])
        } throws: { error in
            guard let error = error as? OdooError else { return false }
            switch error {
            case .network, .malformedResponse: return true
            default: return false
            }
        }
    }

    @Test func wrongPasswordIsAccessDeniedWithoutThePassword() async throws {
        let password = "Wr0ng-Pa55word!"
        let server = try LoopbackServer { _ in .ok(Transcript.named("xmlrpc-03").response) }
        defer { server.stop() }
        do {
            _ = try await Self.client(server, password: password).authenticate()
            Issue.record("expected accessDenied")
        } catch let error as OdooError {
            guard case .accessDenied(login: "admin", database: "closedemo") = error else { Issue.record("\(error)"); return }
            for text in ["\(error)", String(reflecting: error), error.localizedDescription, error.debugDetail ?? ""] {
                #expect(!text.contains(password))
            }
            #expect(error.description.contains("'admin'") && error.description.contains("'closedemo'"))
        }
    }

    @Test func callReturningNothingTreatsTheNoneFaultAsSuccess() async throws {
        let none = Wire.xmlFaultBody(code: 1, message: FaultMappingTests.traceback("TypeError: cannot marshal None unless allow_none is enabled"))
        let server = try Self.server { _, _ in .ok(none) }
        defer { server.stop() }
        let result = try await Self.client(server).callReturningNothing("account.move.line", "reconcile", [[1, 2]])
        #expect(result == .null)
        #expect(server.requestCount == 1 + 1)
    }
}

/// Sends the first `count` posts to `url` (nothing listening), then to the real endpoint.
final class FirstAttemptsElsewhere: HTTPTransport {
    let url: URL
    let count: Int
    private let made = Locked(0)
    private let real = URLSessionTransport()
    var attempts: Int { made.withLock { $0 } }

    init(url: URL, count: Int) { self.url = url; self.count = count }

    func post(_ request: HTTPRequest) async throws -> HTTPResponse {
        let number = made.withLock { $0 += 1; return $0 }
        var request = request
        // The first post is authenticate; the next `count` go nowhere.
        if number > 1 && number <= 1 + count { request.url = url }
        return try await real.post(request)
    }
}
