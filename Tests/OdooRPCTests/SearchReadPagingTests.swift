import Foundation
import LoopbackHTTP
@testable import OdooRPC
import Testing

/// A fake Odoo holding sparse ids, answering search / search_read with the id-leaf,
/// limit and order semantics the cursor paging relies on.
struct FakeLedgerServer {
    let ids: [Int]

    func action(for request: LoopbackServer.Request) -> LoopbackServer.Action {
        guard let call = try? Wire.xmlCall(request.body) else { return .respond(status: 400, contentType: "text/plain", body: []) }
        if call.method == "authenticate" { return .ok(Wire.xmlResponseBody(2)) }
        let method = call.params[4].stringValue ?? ""
        let domain = call.params[5].arrayValue?.first?.arrayValue ?? []
        let kwargs = call.params.count > 6 ? call.params[6] : [:]
        var matching = ids.filter { id in domain.allSatisfy { leaf in Self.matches(id, leaf) } }
        if kwargs["order"]?.stringValue == "id desc" { matching.reverse() }
        if let limit = kwargs["limit"]?.int { matching = Array(matching.prefix(limit)) }
        switch method {
        case "search": return .ok(Wire.xmlResponseBody(RPCValue(matching)))
        case "search_read":
            let records: [RPCValue] = matching.map { ["id": RPCValue($0), "name": .string("L\($0)"), "debit": .double(WireNumber(minorUnits: Int64($0), scale: 2))] }
            return .ok(Wire.xmlResponseBody(.array(records)))
        default: return .ok(Wire.xmlFaultBody(code: 2, message: "unexpected \(method)"))
        }
    }

    private static func matches(_ id: Int, _ leaf: RPCValue) -> Bool {
        guard let parts = leaf.arrayValue, parts.count == 3, parts[0] == "id", let bound = parts[2].int else { return true }
        switch parts[1] {
        case ">": return id > bound
        case "<=": return id <= bound
        case ">=": return id >= bound
        default: return false
        }
    }
}

@Suite struct SearchReadPagingTests {
    static let ids = (1...2345).map { $0 * 3 + ($0 % 3) }  // sparse, increasing

    func fetch(concurrency: Int) async throws -> (records: [RPCStruct], requests: Int, progress: Int) {
        let fake = FakeLedgerServer(ids: Self.ids)
        let server = try LoopbackServer(handler: fake.action)
        defer { server.stop() }
        let options = OdooClientOptions(pageSize: 200, maxConcurrentCalls: concurrency)
        let client = OdooClient(endpoint: TranscriptReplay.endpoint(server), options: options)
        let seen = Locked(0)
        let records = try await client.searchRead(
            "account.move.line", domain: [["parent_state", "=", "posted"]], fields: ["name", "debit"],
            progress: { total in seen.withLock { $0 = max($0, total) } })
        return (records, server.requestCount, seen.withLock { $0 })
    }

    @Test func pagesByCursorWithAndWithoutConcurrency() async throws {
        let serial = try await fetch(concurrency: 1)
        let parallel = try await fetch(concurrency: 3)
        #expect(serial.records.compactMap { $0["id"]?.int } == Self.ids)
        #expect(parallel.records == serial.records, "concurrent paging differs")
        #expect(serial.requests == 1 + 12)       // authenticate + ceil(2345 / 200) pages
        #expect(parallel.requests >= 1 + 1 + 12)  // + the max id search after a full first page; slices end with short pages
        #expect(serial.progress == Self.ids.count && parallel.progress == Self.ids.count)
        #expect(serial.records.last?["debit"]?.numberValue?.minorUnits(scale: 2) == Int64(Self.ids.last!))
    }

    @Test func emptyResultNeedsNoPages() async throws {
        let server = try LoopbackServer(handler: FakeLedgerServer(ids: []).action)
        defer { server.stop() }
        let client = OdooClient(endpoint: TranscriptReplay.endpoint(server), options: OdooClientOptions(maxConcurrentCalls: 4))
        #expect(try await client.searchRead("account.move", domain: [], fields: ["name"]).isEmpty)
    }
}
