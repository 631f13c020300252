import FakeOdoo
import Foundation
import Ledger
import OdooRPC

/// A real Odoo for the fault matrix: CLOSER_TEST_ODOO_URL, _USER and _PASSWORD, and a database the matrix
/// may dirty — CLOSER_TEST_ODOO_FAULTS_DB (a copy of closedemo: `createdb -T closedemo_template closerfaults`),
/// else CLOSER_TEST_ODOO_DB. Each cell gets a fresh customer, invoices and statement lines; the company's
/// tax lock date and the checklist's To-Dos are cleared first, since a cell must find them unwritten.
final class RealMatrixOdoo: MatrixOdoo, @unchecked Sendable {
    static var configuration: (url: URL, database: String, login: String, password: String)? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["CLOSER_TEST_ODOO_URL"].flatMap(URL.init(string:)),
              let database = environment["CLOSER_TEST_ODOO_FAULTS_DB"] ?? environment["CLOSER_TEST_ODOO_DB"],
              let login = environment["CLOSER_TEST_ODOO_USER"], let password = environment["CLOSER_TEST_ODOO_PASSWORD"] else { return nil }
        return (url, database, login, password)
    }

    let url: URL
    let database: String
    let login: String
    let password: String
    let client: OdooClient
    private(set) var company: MatrixCompany
    let label = "Odoo 18"
    let clientTimeout = 10
    let rpcProtocol = RPCProtocol.xmlrpc

    init() async throws {
        guard let configuration = Self.configuration else { throw FaultMatrixError.seeding("no live Odoo configured") }
        (url, database, login, password) = configuration
        client = OdooClient(endpoint: OdooEndpoint(url: url, database: database, login: login, credential: .password(password)))
        let uid = try await client.authenticate()
        let companyID = try Self.id(try await client.read("res.users", ids: [uid], fields: ["company_id"]).first?["company_id"])
        let companyRow = try await client.read("res.company", ids: [companyID], fields: ["name", "currency_id", "partner_id"]).first ?? [:]
        let currencyID = try Self.id(companyRow["currency_id"])
        let currencyRow = try await client.read("res.currency", ids: [currencyID], fields: ["name", "decimal_places"]).first ?? [:]
        let code = CurrencyCode(currencyRow["name"]?.stringValue ?? "USD") ?? CurrencyCode("USD")!
        try await Self.joinFullAccounting(client, uid: uid)
        let client = client
        let accounts = { (type: String) in try await client.search("account.account", domain: [["account_type", "=", .string(type)],
                                                                                              ["company_ids", "in", RPCValue([companyID])]],
                                                                  limit: 1, order: "code").first ?? 0 }
        let misc = try await client.search("account.journal", domain: [["type", "=", "general"], ["company_id", "=", RPCValue(companyID)]], limit: 1).first ?? 0
        var bank = try await client.search("account.journal", domain: [["code", "=", "CLFLT"], ["company_id", "=", RPCValue(companyID)]]).first
        if bank == nil {
            bank = try await client.create("account.journal", [["name": "Closer Fault Matrix Bank", "code": "CLFLT", "type": "bank",
                                                                "company_id": RPCValue(companyID)]]).first
        }
        let customer = try await client.create("res.partner", [["name": .string("Closer Fault Matrix \(UUID().uuidString.prefix(8))")]])[0]
        company = MatrixCompany(id: companyID, name: companyRow["name"]?.stringValue ?? "", currency: Currency(id: currencyID, code: code,
                                decimalPlaces: currencyRow["decimal_places"]?.int ?? 2),
                                customer: customer, expense: try await accounts("expense"), accrued: try await accounts("liability_current"),
                                miscJournal: misc, bankJournal: bank ?? 0, userID: uid, date: LocalDate(iso: "2026-10-31")!)
        // A cell finds the lock and the checklist's To-Dos unwritten (a soft lock date may be cleared; the hard one is never set).
        try await client.write("res.company", ids: [companyID], ["tax_lock_date": false])
        let partner = try Self.id(companyRow["partner_id"])
        let toDos = try await client.search("mail.activity", domain: [["res_model", "=", "res.partner"], ["res_id", "=", RPCValue(partner)],
                                                                      ["note", "ilike", "[closer:checklist:"], ["active", "in", [true, false]]])
        if !toDos.isEmpty { try await client.unlink("mail.activity", ids: toDos) }
    }

    static var enabled: Bool { configuration != nil }

    static func id(_ value: RPCValue?) throws -> Int {
        guard let id = value?.many2one?.id else { throw FaultMatrixError.seeding("expected a many2one, got \(String(describing: value))") }
        return id
    }

    /// Statement lines are behind account.group_account_user in Community ("Show Full Accounting Features").
    static func joinFullAccounting(_ client: OdooClient, uid: Int) async throws {
        let rows = try await client.searchRead("ir.model.data", domain: [["module", "=", "account"], ["name", "=", "group_account_user"]], fields: ["res_id"])
        guard let group = rows.first?["res_id"]?.int else { return }
        try await client.write("res.users", ids: [uid], ["groups_id": [[4, RPCValue(group)]]])
    }

    func proxy(kind: FaultKind, strikeAt: Int?) throws -> FaultProxy {
        try FaultProxy(kind: kind, strikeAt: strikeAt, delay: Double(clientTimeout) + 1.5, forwardingTo: url)
    }

    func invoice(cents: Int) async throws -> (move: Int, receivable: Int) {
        let amount = RPCValue.double(WireNumber(minorUnits: Int64(cents), scale: 2))
        let move = try await client.create("account.move", [[
            "move_type": "out_invoice", "partner_id": RPCValue(company.customer), "invoice_date": "2026-10-05", "date": "2026-10-05",
            "invoice_line_ids": [[0, 0, ["name": "Closer fault matrix", "quantity": 1, "price_unit": amount, "tax_ids": [[6, 0, []]]]]],
        ]])[0]
        try await client.callReturningNothing("account.move", "action_post", [RPCValue([move])])
        guard let line = try await client.search("account.move.line", domain: [["move_id", "=", RPCValue(move)], ["display_type", "=", "payment_term"]]).first else {
            throw FaultMatrixError.seeding("invoice \(move) has no receivable item")
        }
        return (move, line)
    }

    func statementLine(cents: Int, label: String) async throws -> Int {
        try await client.create("account.bank.statement.line", [[
            "journal_id": RPCValue(company.bankJournal), "date": "2026-10-20", "amount": .double(WireNumber(minorUnits: Int64(cents), scale: 2)),
            "partner_id": RPCValue(company.customer), "payment_ref": .string(label),
        ]])[0]
    }

    func vendorBillPair(cents: Int) async throws -> (original: Int, copy: Int) {
        let vendor = try await client.create("res.partner", [["name": .string("Closer fault matrix vendor \(UUID().uuidString.prefix(6))")]])[0]
        let number = Int.random(in: 100_000...999_999)
        func bill(_ reference: String) async throws -> Int {
            try await client.create("account.move", [[
                "move_type": "in_invoice", "partner_id": RPCValue(vendor), "ref": .string(reference), "invoice_date": "2026-10-12",
                "invoice_line_ids": [[0, 0, ["name": "Closer fault matrix", "quantity": 1, "price_unit": .double(WireNumber(minorUnits: Int64(cents), scale: 2)),
                                             "tax_ids": [[6, 0, []]]]]],
            ]])[0]
        }
        let original = try await bill("INV-\(number)")
        try await client.callReturningNothing("account.move", "action_post", [RPCValue([original])])
        return (original, try await bill("inv \(number)"))
    }
}
