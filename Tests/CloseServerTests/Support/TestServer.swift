import CloseServer
import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A Closer server for the length of a test and a plain HTTP client for it: in-process through Hummingbird's
/// router test client where the socket is not the point, or on a free loopback port where it is (client
/// addresses, a browser, Odoo calling back). Neither follows redirects: the tests look at them.
final class TestServer: Sendable {
    struct Reply: Sendable {
        var status: Int
        /// Names in lower case; repeated fields folded into one, comma-separated, as Foundation does.
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        /// The JSON error's stable code, if the reply is one.
        var errorCode: String? {
            ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]).flatMap { $0["error"] as? [String: Any] }?["code"] as? String
        }

        func json() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        }
    }

    private enum Transport: Sendable {
        case socket(port: Int, task: Task<Void, any Error>)
        case router(any TestClientProtocol)
    }

    private let transport: Transport

    private init(_ transport: Transport) {
        self.transport = transport
    }

    /// The loopback port of a server started with `start`.
    var port: Int {
        guard case .socket(let port, _) = transport else { preconditionFailure("an in-process test server has no port: start it with TestServer.start") }
        return port
    }

    /// The server on a free loopback port, with its scheduler and webhooks running, until `stop()`.
    static func start(_ server: CloserServer) async throws -> TestServer {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task { try await server.run(handlingSignals: false) { port in continuation.yield(port) } }
        for await port in ports { return TestServer(.socket(port: port, task: task)) }
        throw CancellationError()
    }

    /// The server's router in-process (no socket, no scheduler) for the length of `body`.
    static func inProcess<Value: Sendable>(_ server: CloserServer, _ body: @Sendable (TestServer) async throws -> Value) async throws -> Value {
        try await server.application().test(.router) { client in try await body(TestServer(.router(client))) }
    }

    func stop() {
        if case .socket(_, let task) = transport { task.cancel() }
    }

    func send(_ method: String, _ path: String, token: String? = nil, body: Data? = nil, headers: [String: String] = [:]) async throws -> Reply {
        var fields: [String: String] = [:]
        if body != nil { fields["Content-Type"] = "application/json" }
        if let token { fields["Authorization"] = "Bearer \(token)" }
        fields.merge(headers) { _, given in given }
        switch transport {
        case .socket(let port, _):
            return try await Self.send(method, URL(string: "http://127.0.0.1:\(port)\(path)")!, headers: fields, body: body)
        case .router(let client):
            var httpFields = HTTPFields()
            for (name, value) in fields { httpFields[try #require(HTTPField.Name(name))] = value }
            let response = try await client.executeRequest(uri: path, method: try #require(HTTPRequest.Method(method)), headers: httpFields,
                                                           body: body.map { ByteBuffer(bytes: $0) })
            var replyHeaders: [String: String] = [:]
            for field in response.headers {
                replyHeaders[field.name.canonicalName, default: ""] += (replyHeaders[field.name.canonicalName] == nil ? "" : ", ") + field.value
            }
            return Reply(status: response.status.code, headers: replyHeaders, body: Data(response.body.readableBytesView))
        }
    }

    func post(_ path: String, token: String? = nil, json: String) async throws -> Reply {
        try await send("POST", path, token: token, body: Data(json.utf8))
    }

    /// One session for every socket test, so it stores no cookie: each client sends its own (Foundation's Linux
    /// session would otherwise send one test's sign-in to another test's server on 127.0.0.1).
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        // Answers are slow, never lost, when the suite's PostgreSQL run loads both cores: a wrong answer fails the test,
        // a hung server fails CI's run.
        configuration.timeoutIntervalForRequest = 600
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()

    private static func send(_ method: String, _ url: URL, headers: [String: String], body: Data?) async throws -> Reply {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        request.httpShouldHandleCookies = false
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = String(describing: value) }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }
}

private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
