import Foundation
import Ledger
import OdooRPC
import OdooSimulator
import Testing

/// The simulated Odoo's paging and refusals, as a client meets them: limit, offset and id order cut pages on the
/// server; what it does not simulate (writes, other orders) is refused with Odoo's kind of error saying so.
@Suite struct OdooSimulatorServingTests {
    static func client(_ simulator: OdooSimulator, protocol rpc: RPCProtocol = .xmlrpc) -> OdooClient {
        OdooClient(endpoint: OdooEndpoint(url: simulator.url, database: "tenant1", login: SimulatorConfiguration.login,
                                          credential: .password(SimulatorConfiguration.password), rpcProtocol: rpc),
                   options: OdooClientOptions(retry: .singleAttempt))
    }

    @Test(arguments: [RPCProtocol.xmlrpc, .jsonrpc])
    func pagesAreCutByLimitOffsetAndIDOrder(_ rpc: RPCProtocol) async throws {
        let simulator = try OdooSimulator(SimulatorConfiguration(tenants: 1, linesPerTenant: 2_000))
        defer { simulator.stop() }
        let lines = try #require(simulator.database("tenant1")).snapshot.lines
        let client = Self.client(simulator, protocol: rpc)
        let ids = lines.map(\.id).sorted()

        let page = try await client.execute("account.move.line", "search_read", [[]], ["fields": ["debit"], "limit": 5, "offset": 10, "order": "id"],
                                             idempotent: true)
        #expect(page.arrayValue?.compactMap { $0["id"]?.int } == Array(ids[10..<15]))
        let last = try await client.search("account.move.line", domain: [["id", "<=", RPCValue(ids[100])]], limit: 3, order: "id desc")
        #expect(last == [ids[100], ids[99], ids[98]])
        let firstLine = try #require(lines.min { $0.id < $1.id })
        let read = try #require(try await client.read("account.move.line", ids: [firstLine.id], fields: ["debit", "account_id"]).first)
        #expect(read["debit"]?.numberValue?.minorUnits(scale: 2) == firstLine.debit.minorUnits)
        #expect(read["account_id"]?.many2one?.id == firstLine.accountID)
        #expect(try await client.searchCount("account.move.line", domain: [["date", ">=", "2026-10-01"], ["date", "<=", "2026-10-31"]])
                == lines.filter { $0.date.description >= "2026-10-01" && $0.date.description <= "2026-10-31" }.count)
    }

    @Test func writesAndOtherOrdersAreRefusedSayingWhy() async throws {
        let simulator = try OdooSimulator(SimulatorConfiguration(tenants: 1, linesPerTenant: 2_000))
        defer { simulator.stop() }
        let client = Self.client(simulator)
        do {
            _ = try await client.execute("account.move", "create", [["ref": "x"]], idempotent: false)
            Issue.record("a write was accepted")
        } catch let error as OdooError {
            guard case .userError(let message) = error else { Issue.record("\(error)"); return }
            #expect(message.contains("serves reads only") && message.contains("account.move.create"))
        }
        do {
            _ = try await client.search("account.move", domain: [], limit: 1, order: "date desc")
            Issue.record("an order by date was accepted")
        } catch let error as OdooError {
            guard case .userError(let message) = error else { Issue.record("\(error)"); return }
            #expect(message.contains("by id only"))
        }
        await #expect(throws: OdooError.self) { try await client.searchCount("purchase.order.line", domain: []) }
    }
}
