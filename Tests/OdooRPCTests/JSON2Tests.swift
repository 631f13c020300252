import Foundation
@testable import OdooRPC
import Testing

/// Records requests and answers from a closure, for protocols without transcripts.
final class RecordingTransport: HTTPTransport {
    private let sent = Locked<[HTTPRequest]>([])
    private let answer: @Sendable (HTTPRequest) -> HTTPResponse
    var requests: [HTTPRequest] { sent.withLock { $0 } }

    init(answer: @escaping @Sendable (HTTPRequest) -> HTTPResponse) { self.answer = answer }

    func post(_ request: HTTPRequest) async throws -> HTTPResponse {
        sent.withLock { $0.append(request) }
        return answer(request)
    }
}

@Suite struct JSON2Tests {
    static let endpoint = OdooEndpoint(
        url: URL(string: "https://odoo.example/")!, database: "prod", login: "bot@example.com",
        credential: .apiKey("key-123"), rpcProtocol: .json2)

    static func json(_ text: String, status: Int = 200) -> HTTPResponse { HTTPResponse(status: status, body: Array(text.utf8)) }

    @Test func sendsNamedArgumentsWithBearerKey() async throws {
        let transport = RecordingTransport { request in
            switch request.url.path {
            case "/json/2/res.users/search": return Self.json("[7]")
            case "/json/2/account.move/search_read": return Self.json(#"[{"id": 3, "amount_total": 10.50}]"#)
            default: return Self.json("true")
            }
        }
        let client = OdooClient(endpoint: Self.endpoint, options: OdooClientOptions(maxConcurrentCalls: 1), transport: transport)
        #expect(try await client.authenticate() == 7)
        let records = try await client.searchRead("account.move", domain: [["state", "=", "posted"]], fields: ["amount_total"])
        #expect(records.first?["amount_total"]?.numberValue?.minorUnits(scale: 2) == 1050)
        try await client.write("account.move", ids: [3], ["ref": "r"])
        let bodies = transport.requests.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(bodies == [
            #"{"domain": [["login", "=", "bot@example.com"]], "limit": 1}"#,
            #"{"domain": [["state", "=", "posted"]], "fields": ["amount_total"], "limit": 2000, "order": "id"}"#,
            #"{"ids": [3], "vals": {"ref": "r"}}"#,
        ])
        let headers = try #require(transport.requests.last?.headers)
        #expect(headers.contains { $0 == ("Authorization", "bearer key-123") })
        #expect(headers.contains { $0 == ("X-Odoo-Database", "prod") })
        #expect(headers.contains { $0 == ("Content-Type", "application/json; charset=utf-8") })
        #expect(transport.requests.last?.url.absoluteString == "https://odoo.example/json/2/account.move/write")
    }

    @Test func versionUsesTheWebClientsVersionRoute() async throws {
        let transport = RecordingTransport { _ in
            Self.json(#"{"jsonrpc": "2.0", "id": 1, "result": {"server_version": "saas~18.2+e", "server_version_info": ["saas~18", 2, 0, "final", 0, "e"], "server_serie": "saas~18.2", "protocol_version": 1}}"#)
        }
        let version = try await OdooClient(endpoint: Self.endpoint, transport: transport).version()
        #expect(version.isSaaS && version.major == 18 && version.minor == 2)
        #expect(transport.requests.first?.url.path == "/web/webclient/version_info")
    }

    @Test func unknownUserOrBadKeyIsAccessDenied() async throws {
        for response in [Self.json("[]"), Self.json("{}", status: 401)] {
            let client = OdooClient(endpoint: Self.endpoint, transport: RecordingTransport { _ in response })
            await #expect {
                _ = try await client.authenticate()
            } throws: { error in
                guard case OdooError.accessDenied = error else { return false }
                return !"\(error)".contains("key-123")
            }
        }
    }

    @Test func positionalArgumentsBeyondTheKnownOnesAreRefused() async throws {
        let client = OdooClient(endpoint: Self.endpoint, transport: RecordingTransport { _ in Self.json("[7]") })
        await #expect(throws: OdooError.self) { _ = try await client.execute("account.move", "action_post", [[1], "extra"], idempotent: false) }
    }
}

@Suite struct JSON2FaultTests {
    /// What a real Odoo 19 answered to POST /json/2/no.such.model/search (404, debug trimmed).
    @Test func anUnknownModelIsNamed() async throws {
        let body = #"{"name": "werkzeug.exceptions.NotFound", "message": "the model 'no.such.model' does not exist", "arguments": ["the model 'no.such.model' does not exist", 404], "context": {}, "debug": ""}"#
        let client = OdooClient(endpoint: JSON2Tests.endpoint, transport: RecordingTransport { request in
            request.url.path == "/json/2/res.users/search" ? JSON2Tests.json("[7]") : JSON2Tests.json(body, status: 404)
        })
        await #expect {
            _ = try await client.search("no.such.model", domain: [])
        } throws: { error in
            guard case OdooError.unknownModel("no.such.model") = error else { return false }
            return true
        }
    }
}
