import Foundation
import OdooLedger
import OdooRPC
import Testing

/// A live Odoo database for the bank reconciliation tests: CLOSER_TEST_ODOO_URL, _DB, _USER, _PASSWORD
/// (e.g. closedemo). The tests create their own partners, invoices, bills and statement lines, named
/// uniquely per run, so reruns pass; the shared setup (the user in "Show Full Accounting Features",
/// EUR active with a rate, a EUR bank journal, a second bank journal) is created once and reused.
struct LiveBankReconciliationSetup {
    static var endpoint: OdooEndpoint? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["CLOSER_TEST_ODOO_URL"].flatMap(URL.init(string:)), let database = environment["CLOSER_TEST_ODOO_DB"],
              let user = environment["CLOSER_TEST_ODOO_USER"], let password = environment["CLOSER_TEST_ODOO_PASSWORD"] else { return nil }
        // CLOSER_TEST_ODOO_PROTOCOL=json2 with CLOSER_TEST_ODOO_API_KEY: the same tests over Odoo 19's JSON-2 API.
        let rpcProtocol = environment["CLOSER_TEST_ODOO_PROTOCOL"].flatMap(RPCProtocol.init(rawValue:)) ?? .xmlrpc
        let credential = environment["CLOSER_TEST_ODOO_API_KEY"].map(OdooCredential.apiKey) ?? .password(password)
        return OdooEndpoint(url: url, database: database, login: user, credential: credential, rpcProtocol: rpcProtocol)
    }

    static var enabled: Bool {
        guard endpoint != nil else {
            print("◇ Live bank reconciliation tests skipped: set CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_DB, CLOSER_TEST_ODOO_USER, "
                  + "CLOSER_TEST_ODOO_PASSWORD (a database with Odoo's demo data, e.g. closedemo) to run them.")
            return false
        }
        return true
    }

    /// Fixed dates keep the EUR rates deterministic: the invoice at Odoo's demo rate, the payment at 1.25.
    static let invoiceDate = "2026-01-10", paymentDate = "2026-01-20"

    let client: OdooClient
    let tag: String
    var companyID = 0
    var bankJournal = 0, secondBankJournal = 0, euroJournal = 0
    var eur = 0, expenseAccount = 0
    var customer = 0, vendor = 0

    init(client: OdooClient) {
        self.client = client
        tag = String(UUID().uuidString.prefix(8))
    }

    mutating func prepare() async throws {
        let uid = try await client.authenticate()
        let user = try await client.read("res.users", ids: [uid], fields: ["company_id"])
        companyID = try #require(user.first?["company_id"]?.many2one?.id)
        try await joinFullAccounting(uid: uid)
        eur = try #require(try await client.execute("res.currency", "search", [[["name", "=", "EUR"], ["active", "in", [true, false]]]],
                                                    idempotent: true).arrayValue?.first?.int)
        try await client.write("res.currency", ids: [eur], ["active": true])
        let rate = try await client.search("res.currency.rate", domain: [["currency_id", "=", RPCValue(eur)], ["name", "=", .string(Self.paymentDate)],
                                                                         ["company_id", "=", RPCValue(companyID)]])
        if rate.isEmpty {
            _ = try await client.create("res.currency.rate", [["currency_id": RPCValue(eur), "name": .string(Self.paymentDate),
                                                               "rate": .double(WireNumber(text: "1.25")!), "company_id": RPCValue(companyID)]])
        }
        bankJournal = try await journal(code: "CLBK1", name: "Closer Test Bank", currency: nil)
        secondBankJournal = try await journal(code: "CLBK2", name: "Closer Test Bank 2", currency: nil)
        euroJournal = try await journal(code: "CLEUR", name: "Closer Test EUR Bank", currency: eur)
        expenseAccount = try #require(try await client.search("account.account", domain: [["account_type", "=", "expense"],
                                                                                         ["company_ids", "in", RPCValue([companyID])]],
                                                              limit: 1, order: "code").first)
        customer = try await client.create("res.partner", [["name": .string("Closer Bankrec Customer \(tag)")]])[0]
        vendor = try await client.create("res.partner", [["name": .string("Closer Bankrec Vendor \(tag)")]])[0]
    }

    /// Statement lines are behind account.group_account_user in Community ("Show Full Accounting Features").
    func joinFullAccounting(uid: Int) async throws {
        let groups = OdooUserGroups(client: client)
        guard let group = try await groups.group(module: "account", name: "group_account_user") else { return }
        try await groups.join(uid: uid, group: group)
    }

    func journal(code: String, name: String, currency: Int?) async throws -> Int {
        if let id = try await client.search("account.journal", domain: [["code", "=", .string(code)], ["company_id", "=", RPCValue(companyID)]]).first {
            return id
        }
        var values: RPCStruct = ["name": .string(name), "code": .string(code), "type": "bank", "company_id": RPCValue(companyID)]
        if let currency { values["currency_id"] = RPCValue(currency) }
        return try await client.create("account.journal", [values])[0]
    }

    /// A posted customer invoice (out_invoice) or vendor bill (in_invoice) without taxes; returns its
    /// receivable or payable journal item.
    func invoice(_ kind: String, amount: String, currency: Int? = nil, partner: Int? = nil) async throws -> (move: Int, line: Int) {
        var values: RPCStruct = [
            "move_type": .string(kind), "partner_id": RPCValue(partner ?? (kind == "out_invoice" ? customer : vendor)),
            "invoice_date": .string(Self.invoiceDate), "date": .string(Self.invoiceDate), "ref": .string("closer-\(tag)"),
            "invoice_line_ids": [[0, 0, ["name": .string("Closer bankrec \(tag)"), "quantity": 1, "price_unit": .double(WireNumber(text: amount)!),
                                         "tax_ids": [[6, 0, []]]]]],
        ]
        if let currency { values["currency_id"] = RPCValue(currency) }
        let move = try await client.create("account.move", [values])[0]
        try await client.callReturningNothing("account.move", "action_post", [RPCValue([move])])
        let line = try #require(try await client.search("account.move.line", domain: [["move_id", "=", RPCValue(move)],
                                                                                      ["display_type", "=", "payment_term"]]).first)
        return (move, line)
    }

    /// A statement line (Odoo posts its entry at once); returns it and its suspense item.
    func statementLine(journal: Int, amount: String, partner: Int?, label: String) async throws -> (id: Int, suspense: Int) {
        let id = try await client.create("account.bank.statement.line", [[
            "journal_id": RPCValue(journal), "date": .string(Self.paymentDate), "amount": .double(WireNumber(text: amount)!),
            "partner_id": partner.map { RPCValue($0) } ?? false, "payment_ref": .string("\(label) \(tag)"),
        ]])[0]
        let move = try #require(try await client.read("account.bank.statement.line", ids: [id], fields: ["move_id"]).first?["move_id"]?.many2one?.id)
        let suspense = try await client.read("account.journal", ids: [journal], fields: ["suspense_account_id"]).first?["suspense_account_id"]?.many2one?.id
        let line = try #require(try await client.search("account.move.line", domain: [["move_id", "=", RPCValue(move)],
                                                                                      ["account_id", "=", RPCValue(suspense ?? 0)]]).first)
        return (id, line)
    }

    func count(_ model: String) async throws -> Int { try await client.searchCount(model, domain: []) }

    func writeDates(_ model: String, _ ids: [Int]) async throws -> [Int: String] {
        let rows = try await client.read(model, ids: ids, fields: ["write_date"])
        return Dictionary(uniqueKeysWithValues: rows.compactMap { row in
            row["id"]?.int.map { ($0, row["write_date"]?.stringValue ?? "\(row["write_date"] ?? .null)") }
        })
    }

    /// The item's residual in cents, in the company currency and in its own currency.
    func residual(_ line: Int) async throws -> (company: Int64?, currency: Int64?, reconciled: Bool) {
        let row = try #require(try await client.read("account.move.line", ids: [line],
                                                     fields: ["amount_residual", "amount_residual_currency", "reconciled"]).first)
        return (row["amount_residual"]?.numberValue?.minorUnits(scale: 2), row["amount_residual_currency"]?.numberValue?.minorUnits(scale: 2),
                row["reconciled"]?.boolValue ?? false)
    }

    func isReconciled(_ statementLine: Int) async throws -> Bool {
        try await client.read("account.bank.statement.line", ids: [statementLine], fields: ["is_reconciled"]).first?["is_reconciled"]?.boolValue ?? false
    }
}
