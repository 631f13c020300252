import Foundation
import LoopbackHTTP
@testable import OdooRPC
import Testing

/// One client, many concurrent callers: one authentication and one version request between them, and never
/// more calls in flight than `maxConcurrentCalls`.
@Suite struct ClientConcurrencyTests {
    /// Answers after a pause, counting how many requests it holds at once and which methods it saw.
    final class SlowServer: @unchecked Sendable {
        let lock = NSLock()
        var inFlight = 0, mostInFlight = 0
        var methods: [String] = []

        func action(for request: LoopbackServer.Request) -> LoopbackServer.Action {
            guard let call = try? Wire.xmlCall(request.body) else { return .respond(status: 400, contentType: "text/plain", body: []) }
            lock.withLock {
                inFlight += 1
                mostInFlight = max(mostInFlight, inFlight)
                methods.append(call.method == "execute_kw" ? call.params[4].stringValue ?? "?" : call.method)
            }
            Thread.sleep(forTimeInterval: 0.05)
            lock.withLock { inFlight -= 1 }
            switch call.method {
            case "authenticate": return .ok(Wire.xmlResponseBody(2))
            case "version": return .ok(Wire.xmlResponseBody(["server_version": "18.0", "server_version_info": [18, 0, 0, "final", 0, ""]]))
            default: return .ok(Wire.xmlResponseBody(7))
            }
        }
    }

    @Test(arguments: [1, 2, 3])
    func concurrentCallersShareOneAuthenticationAndStayWithinTheBound(limit: Int) async throws {
        let fake = SlowServer()
        let server = try LoopbackServer(handler: fake.action)
        defer { server.stop() }
        let client = OdooClient(endpoint: TranscriptReplay.endpoint(server), options: OdooClientOptions(maxConcurrentCalls: limit))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { let count = try await client.searchCount("account.move", domain: []); #expect(count == 7) }
                group.addTask { let version = try await client.version(); #expect(version.major == 18) }
            }
            try await group.waitForAll()
        }
        #expect(fake.methods.filter { $0 == "authenticate" }.count == 1 && fake.methods.filter { $0 == "version" }.count == 1)
        #expect(fake.methods.filter { $0 == "search_count" }.count == 8)
        #expect(fake.mostInFlight == limit, "at most \(limit) calls in flight, and that many used")
    }
}
