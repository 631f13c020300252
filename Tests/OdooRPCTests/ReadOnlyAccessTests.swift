import Foundation
import LoopbackHTTP
@testable import OdooRPC
import Testing

/// A read-only client (audit mode) never lets a write leave the process, through the real transport.
@Suite struct ReadOnlyAccessTests {
    static func client(_ server: LoopbackServer) -> OdooClient {
        OdooClient(endpoint: TranscriptReplay.endpoint(server), options: TranscriptReplay.fastRetry, access: .readOnly(mode: "audit"))
    }

    static func isRefusal(_ error: any Error, model: String, method: String) -> Bool {
        guard case OdooError.writeRefused(model, method, "audit") = error else { return false }
        let text = "\(error)"
        return text.contains("\(model).\(method)") && text.contains("audit mode") && text.contains("--mode supervised")
    }

    @Test func writesSendNothingNotEvenTheLogin() async throws {
        let server = try LoopbackServer(handler: TranscriptReplay.action)
        defer { server.stop() }
        let client = Self.client(server)
        await #expect { _ = try await client.create("account.move", [["ref": "x"]]) } throws: {
            Self.isRefusal($0, model: "account.move", method: "create")
        }
        await #expect { try await client.write("account.move", ids: [1], ["ref": "y"]) } throws: {
            Self.isRefusal($0, model: "account.move", method: "write")
        }
        await #expect {
            _ = try await client.execute("account.move", "message_post", [[1]], ["body": "note"], idempotent: false)
        } throws: { Self.isRefusal($0, model: "account.move", method: "message_post") }
        await #expect { try await client.callReturningNothing("account.move.line", "reconcile", [[1, 2]]) } throws: {
            Self.isRefusal($0, model: "account.move.line", method: "reconcile")
        }
        #expect(server.requestCount == 0)
    }

    @Test func readsStillWorkAndWritesStayRefusedAfterwards() async throws {
        let server = try LoopbackServer(handler: TranscriptReplay.action)
        defer { server.stop() }
        let client = Self.client(server)
        #expect(try await client.searchCount("account.move", domain: [["state", "=", "posted"]]) == 23)
        let afterRead = server.requestCount
        #expect(afterRead == 2)   // authenticate + search_count
        await #expect(throws: OdooError.self) { try await client.unlink("account.move", ids: [25]) }
        #expect(server.requestCount == afterRead)
    }

    @Test func readWriteClientsStillSendWrites() async throws {
        let server = try LoopbackServer { request in
            request.body == Transcript.named("xmlrpc-02").request ? TranscriptReplay.action(for: request) : .ok(Wire.xmlResponseBody([25]))
        }
        defer { server.stop() }
        let client = OdooClient(endpoint: TranscriptReplay.endpoint(server), options: TranscriptReplay.fastRetry, access: .readWrite)
        #expect(try await client.create("account.move", [["ref": "x"]]) == [25])
        #expect(server.requestCount == 2)
    }
}
