import Foundation
import OdooRPC
import Testing

/// Against a real Odoo when CLOSER_TEST_ODOO_URL, _DB, _USER and _PASSWORD are set.
@Suite(.enabled(if: LiveOdoo.endpoint(.xmlrpc) != nil, "skipped: set CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_DB, CLOSER_TEST_ODOO_USER, CLOSER_TEST_ODOO_PASSWORD"))
struct LiveOdooTests {
    @Test func versionAndAuthenticate() async throws {
        let client = OdooClient(endpoint: try #require(LiveOdoo.endpoint(.xmlrpc)))
        let version = try await client.version()
        #expect(version.major >= 16)
        #expect(try await client.authenticate() > 0)
    }

    @Test(arguments: [RPCProtocol.xmlrpc, .jsonrpc])
    func wrongPasswordIsAccessDenied(rpcProtocol: RPCProtocol) async throws {
        var endpoint = try #require(LiveOdoo.endpoint(rpcProtocol))
        endpoint.credential = .password("definitely-not-the-password")
        await #expect {
            _ = try await OdooClient(endpoint: endpoint).authenticate()
        } throws: { error in
            guard case OdooError.accessDenied = error else { return false }
            return !"\(error)".contains("definitely-not-the-password")
        }
    }

    @Test func searchReadIsTheSameOverBothProtocols() async throws {
        let fields = ["move_id", "account_id", "debit", "credit", "balance", "partner_id", "date"]
        let options = OdooClientOptions(pageSize: 17, maxConcurrency: 3)
        let xml = OdooClient(endpoint: try #require(LiveOdoo.endpoint(.xmlrpc)), options: options)
        let json = OdooClient(endpoint: try #require(LiveOdoo.endpoint(.jsonrpc)), options: OdooClientOptions(pageSize: 25, maxConcurrency: 1))
        let viaXML = try await xml.searchRead("account.move.line", domain: [], fields: fields)
        let viaJSON = try await json.searchRead("account.move.line", domain: [], fields: fields)
        #expect(viaXML == viaJSON)
        #expect(viaXML.count == (try await xml.searchCount("account.move.line", domain: [])))
        #expect(viaXML.map { $0["id"]?.int ?? 0 } == viaXML.map { $0["id"]?.int ?? 0 }.sorted())
    }

    @Test(arguments: [RPCProtocol.xmlrpc, .jsonrpc])
    func unknownModelFault(rpcProtocol: RPCProtocol) async throws {
        let client = OdooClient(endpoint: try #require(LiveOdoo.endpoint(rpcProtocol)))
        await #expect {
            _ = try await client.search("no.such.model", domain: [])
        } throws: { error in
            guard case OdooError.unknownModel("no.such.model") = error else { return false }
            return true
        }
    }

    @Test func fieldsGetDescribesMoves() async throws {
        let client = OdooClient(endpoint: try #require(LiveOdoo.endpoint(.xmlrpc)))
        let fields = try await client.fieldsGet("account.move")
        #expect(fields["journal_id"]?.relation == "account.journal")
    }
}

enum LiveOdoo {
    static func endpoint(_ rpcProtocol: RPCProtocol) -> OdooEndpoint? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["CLOSER_TEST_ODOO_URL"].flatMap(URL.init(string:)),
              let database = environment["CLOSER_TEST_ODOO_DB"], let user = environment["CLOSER_TEST_ODOO_USER"],
              let password = environment["CLOSER_TEST_ODOO_PASSWORD"] else {
            return nil
        }
        return OdooEndpoint(url: url, database: database, login: user, credential: .password(password), rpcProtocol: rpcProtocol)
    }
}

@Suite struct LiveOdooNotice {
    @Test func reportsWhetherLiveTestsRun() {
        if LiveOdoo.endpoint(.xmlrpc) == nil {
            print("skipped: set CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_DB, CLOSER_TEST_ODOO_USER, CLOSER_TEST_ODOO_PASSWORD to run the live Odoo tests")
        }
    }
}
