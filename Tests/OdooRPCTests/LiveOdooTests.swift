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
        let options = OdooClientOptions(pageSize: 17, maxConcurrentCalls: 3)
        let xml = OdooClient(endpoint: try #require(LiveOdoo.endpoint(.xmlrpc)), options: options)
        let json = OdooClient(endpoint: try #require(LiveOdoo.endpoint(.jsonrpc)), options: OdooClientOptions(pageSize: 25, maxConcurrentCalls: 1))
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
    /// JSON-2 takes an API key of the same user, CLOSER_TEST_ODOO_API_KEY (Odoo 19+); the other protocols the password.
    static func endpoint(_ rpcProtocol: RPCProtocol) -> OdooEndpoint? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["CLOSER_TEST_ODOO_URL"].flatMap(URL.init(string:)),
              let database = environment["CLOSER_TEST_ODOO_DB"], let user = environment["CLOSER_TEST_ODOO_USER"],
              let password = environment["CLOSER_TEST_ODOO_PASSWORD"] else {
            return nil
        }
        if rpcProtocol == .json2 {
            guard let key = environment["CLOSER_TEST_ODOO_API_KEY"] else { return nil }
            return OdooEndpoint(url: url, database: database, login: user, credential: .apiKey(key), rpcProtocol: .json2)
        }
        return OdooEndpoint(url: url, database: database, login: user, credential: .password(password), rpcProtocol: rpcProtocol)
    }
}

/// Odoo 19's JSON-2 API against a real Odoo 19, when CLOSER_TEST_ODOO_API_KEY is set as well.
@Suite(.enabled(if: LiveOdoo.endpoint(.json2) != nil, "skipped: set CLOSER_TEST_ODOO_API_KEY too (an API key of CLOSER_TEST_ODOO_USER on Odoo 19+)"))
struct LiveJSON2Tests {
    @Test func theKeyAuthenticatesAsItsUser() async throws {
        let json2 = OdooClient(endpoint: try #require(LiveOdoo.endpoint(.json2)))
        let version = try await json2.version()
        #expect(version.major >= 19)
        #expect(try await json2.authenticate() == (try await OdooClient(endpoint: try #require(LiveOdoo.endpoint(.xmlrpc))).authenticate()))
    }

    @Test func aWrongKeyIsAccessDeniedWithoutTheKey() async throws {
        var endpoint = try #require(LiveOdoo.endpoint(.json2))
        endpoint.credential = .apiKey("definitely-not-the-key")
        await #expect {
            _ = try await OdooClient(endpoint: endpoint).authenticate()
        } throws: { error in
            guard case OdooError.accessDenied = error else { return false }
            return !"\(error)".contains("definitely-not-the-key")
        }
    }

    @Test func searchReadPagesTheSameRecordsAsXMLRPC() async throws {
        let fields = ["move_id", "account_id", "debit", "credit", "balance", "partner_id", "date", "tax_ids", "analytic_distribution"]
        let xml = OdooClient(endpoint: try #require(LiveOdoo.endpoint(.xmlrpc)), options: OdooClientOptions(pageSize: 500, maxConcurrentCalls: 2))
        let json2 = OdooClient(endpoint: try #require(LiveOdoo.endpoint(.json2)), options: OdooClientOptions(pageSize: 37, maxConcurrentCalls: 3))
        let viaXML = try await xml.searchRead("account.move.line", domain: [], fields: fields)
        let viaJSON2 = try await json2.searchRead("account.move.line", domain: [], fields: fields)
        #expect(!viaXML.isEmpty)
        #expect(viaJSON2 == viaXML)
        #expect(try await json2.searchCount("account.move.line", domain: []) == viaXML.count)
    }

    @Test func faultsMapAsOverTheOtherProtocols() async throws {
        let client = OdooClient(endpoint: try #require(LiveOdoo.endpoint(.json2)))
        await #expect {
            _ = try await client.search("no.such.model", domain: [])
        } throws: { error in
            guard case OdooError.unknownModel("no.such.model") = error else { return false }
            return true
        }
        await #expect(throws: OdooError.self) {
            _ = try await client.searchRead("account.move", domain: [["no_such_field", "=", 1]], fields: ["name"])
        }
    }

    @Test func fieldsGetAndWritesRoundTrip() async throws {
        let client = OdooClient(endpoint: try #require(LiveOdoo.endpoint(.json2)))
        #expect(try await client.fieldsGet("account.move")["journal_id"]?.relation == "account.journal")
        let name = "Closer JSON-2 \(UInt32.random(in: 0...UInt32.max))"
        let id = try #require(try await client.create("res.partner", [["name": .string(name)]]).first)
        try await client.write("res.partner", ids: [id], ["ref": "json2"])
        let read = try await client.read("res.partner", ids: [id], fields: ["name", "ref"]).first
        #expect(read?["name"]?.stringValue == name && read?["ref"]?.stringValue == "json2")
        try await client.unlink("res.partner", ids: [id])
        #expect(try await client.search("res.partner", domain: [["id", "=", RPCValue(id)]]).isEmpty)
    }
}

@Suite struct LiveOdooNotice {
    @Test func reportsWhetherLiveTestsRun() {
        if LiveOdoo.endpoint(.xmlrpc) == nil {
            print("skipped: set CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_DB, CLOSER_TEST_ODOO_USER, CLOSER_TEST_ODOO_PASSWORD to run the live Odoo tests")
        }
    }
}
