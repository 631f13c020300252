import Foundation
import Ledger
import LoopbackHTTP
import OdooLedger
import OdooRPC
import Testing

/// Naming a ledger (its source key) and pulling it both need the login's current company; Odoo is
/// asked for it once per source, not once per use.
@Suite struct CompanyResolutionTests {
    /// A JSON-RPC Odoo that knows one user (uid 2) whose current company is 3.
    static func odoo() throws -> LoopbackServer {
        try LoopbackServer { request in
            let call = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any]
            let params = call?["params"] as? [String: Any]
            let result: Any = switch params?["method"] as? String {
            case "authenticate": 2
            case "execute_kw": [["id": 2, "company_id": [3, "Northwind"]]]
            default: false
            }
            let answer: [String: Any] = ["jsonrpc": "2.0", "id": call?["id"] ?? NSNull(), "result": result]
            return .json(Array(try! JSONSerialization.data(withJSONObject: answer)))
        }
    }

    static func source(_ server: LoopbackServer, companyID: Int? = nil) -> OdooLedgerSource {
        let endpoint = OdooEndpoint(url: server.url, database: "closedemo", login: "admin", credential: .password("admin"), rpcProtocol: .jsonrpc)
        return OdooLedgerSource(client: OdooClient(endpoint: endpoint), endpoint: endpoint, companyID: companyID)
    }

    static func reads(_ server: LoopbackServer) -> Int {
        server.requests.filter { String(decoding: $0.body, as: UTF8.self).contains("res.users") }.count
    }

    @Test func theLoginsCompanyIsReadOncePerSource() async throws {
        let server = try Self.odoo()
        defer { server.stop() }
        let source = Self.source(server)
        #expect(try await source.resolvedCompanyID() == 3)
        #expect(try await source.resolvedCompanyID() == 3)
        #expect(Self.reads(server) == 1)
        #expect(source.sourceKey(companyID: 3).companyID == 3)
    }

    @Test func aConfiguredCompanyIsNeverAskedFor() async throws {
        let server = try Self.odoo()
        defer { server.stop() }
        #expect(try await Self.source(server, companyID: 5).resolvedCompanyID() == 5)
        #expect(server.requestCount == 0)
    }
}
