import CloseSettings
import CloseStore
import CloseWorkflows
import Duties
import Foundation
import Governance
import Ledger
import OdooRPC
import Testing

/// Issue 19 item 3's bar on a company nobody tuned Closer for: in a scratch Odoo 18 database with `account`
/// (CLOSER_TEST_ODOO_DUTIES_DB), a new company and two new users with groups set through the API. One, with
/// Contact Creation and Invoicing, changes the bank accounts of two vendors, then posts and pays the bill of
/// one of them; the other, with Invoicing only, posts and pays the other vendor's bill. The conflict is found
/// on the first vendor with its records; the second vendor, and the clean user, are not flagged.
@Suite(.enabled(if: LiveDutiesCompany.endpoint(login: nil, password: nil) != nil,
                "skipped: no scratch Odoo database with `account` (CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_DUTIES_DB)"))
struct LiveDutiesTests {
    @Test func aUserWhoChangesAVendorsBankAccountAndPaysItsBillIsFoundAndACleanUserIsNot() async throws {
        let company = try await LiveDutiesCompany.create()
        let tag = LiveDutiesCompany.word(6)
        let mixed = try await company.user("mixed-\(tag)", groups: [("base", "group_user"), ("base", "group_partner_manager"), ("account", "group_account_invoice")])
        let clean = try await company.user("clean-\(tag)", groups: [("base", "group_user"), ("account", "group_account_invoice")])
        let acme = try await company.create("res.partner", ["name": .string("Acme \(tag.capitalized)"), "is_company": true])
        let brill = try await company.create("res.partner", ["name": .string("Brill \(tag.capitalized)"), "is_company": true])

        let asMixed = try company.acting(as: mixed)
        var banks: [Int] = []
        for vendor in [acme, brill] {
            let bank = try await asMixed.create("res.partner.bank", ["partner_id": RPCValue(vendor), "acc_number": .string("NL91ABNA04171643\(banks.count)0")])
            try await asMixed.client.write("res.partner.bank", ids: [bank], ["acc_number": .string("DE8937040044053201300\(banks.count)")])
            banks.append(bank)
        }
        let acmeBill = try await company.bill(acme, cents: 480_000)
        try await asMixed.post(acmeBill)
        try await asMixed.pay(acmeBill)
        let brillBill = try await company.bill(brill, cents: 125_000)
        let asClean = try company.acting(as: clean)
        try await asClean.post(brillBill)
        try await asClean.pay(brillBill)

        let store = try AppDatabase.inMemory()
        _ = try store.addUser(login: "mixed", name: "Mixed", roles: [.approver], odooUserID: mixed.id, actor: "live-test")
        let settings = try #require(LiveDutiesCompany.settings(company: company.id))
        let report = try await DutiesService(settings: settings, store: store, actor: "paul").review(since: LocalDate.todayUTC().adding(months: -1))
        print("[live] duties: \(report.evidenceBasis)")
        for finding in report.findings { print("[live] \(finding.kind.rawValue) \(finding.message)") }
        #expect(report.trackingRead)

        let did = report.findings.filter { $0.kind == .did }
        #expect(did.count == 1, "\(did.map(\.message))")
        let finding = try #require(did.first)
        #expect(finding.person.id == mixed.id && finding.vendor?.id == acme)
        let evidence = Set(finding.evidence.map { "\($0.kind.rawValue) \($0.record.model) \($0.record.id)" })
        #expect(evidence.contains("created-bank-account res.partner.bank \(banks[0])"))
        #expect(evidence.contains("changed-bank-account res.partner.bank \(banks[0])"))
        #expect(evidence.contains("posted-bill account.move \(acmeBill)"))
        #expect(evidence.contains { $0.hasPrefix("paid account.payment") }, "\(evidence)")
        #expect(finding.evidence.first { $0.kind == .changedBankAccount }?.field == "acc_number")

        let can = report.findings.filter { $0.kind == .can }
        #expect(can.contains { $0.person.id == mixed.id && $0.conflicts.contains { $0.first.duty == .maintainBankDetails && $0.second.duty == .pay } })
        #expect(can.first { $0.person.id == mixed.id }?.conflicts.contains { $0.second.duty == .approveBills } == true, "Closer's approver role joined")
        #expect(!report.findings.contains { $0.person.id == clean.id }, "the clean user is not flagged")
        #expect(!did.contains { $0.vendor?.id == brill }, "another person paid the vendor whose account was changed: no conflict")
    }
}

/// The scratch company of the duties test and the users it creates, each acting through their own login.
struct LiveDutiesCompany {
    let client: OdooClient
    let id: Int

    struct User {
        var id: Int
        var login: String
        var password: String
    }

    static func endpoint(login: String?, password: String?) -> OdooEndpoint? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["CLOSER_TEST_ODOO_URL"].flatMap(URL.init(string:)), let database = environment["CLOSER_TEST_ODOO_DUTIES_DB"] else { return nil }
        return OdooEndpoint(url: url, database: database, login: login ?? environment["CLOSER_TEST_ODOO_USER"] ?? "admin",
                            credential: .password(password ?? environment["CLOSER_TEST_ODOO_PASSWORD"] ?? "admin"))
    }

    static func settings(company: Int) -> OdooSettings? {
        let environment = ProcessInfo.processInfo.environment
        guard let base = environment["CLOSER_TEST_ODOO_URL"], let database = environment["CLOSER_TEST_ODOO_DUTIES_DB"] else { return nil }
        return try? OdooSettings(resolving: SettingsResolver(flags: [
            .odooURL: base, .odooDatabase: database, .odooUser: environment["CLOSER_TEST_ODOO_USER"] ?? "admin",
            .odooPassword: environment["CLOSER_TEST_ODOO_PASSWORD"] ?? "admin", .mode: "audit", .odooCompany: String(company),
        ], environment: [:], file: nil))
    }

    static func create() async throws -> LiveDutiesCompany {
        let client = OdooClient(endpoint: try #require(endpoint(login: nil, password: nil)))
        let name = "\(word(7).capitalized) Duties"
        let id = try await client.create("res.company", [["name": .string(name)]])[0]
        let uid = try await client.authenticate()
        try await client.write("res.users", ids: [uid], ["company_ids": [[4, RPCValue(id)]]])
        try await client.callReturningNothing("account.chart.template", "try_loading", [[], "generic_coa", RPCValue(id)])
        print("[live] duties company \(id) '\(name)'")
        return LiveDutiesCompany(client: client, id: id)
    }

    static func word(_ length: Int) -> String { String((0..<length).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! }) }

    func create(_ model: String, _ values: RPCStruct, context extra: RPCStruct = [:]) async throws -> Int {
        var context: RPCStruct = ["allowed_company_ids": RPCValue([id])]
        for (key, value) in extra { context[key] = value }
        let value = try await client.execute(model, "create", [.array([.structure(values)])], ["context": .structure(context)], idempotent: false)
        return try #require(value.int ?? value.arrayValue?.first?.int, "\(model).create answered \(value)")
    }

    /// An internal user of the company only, in exactly these groups (by module and name) and what they imply.
    func user(_ login: String, groups: [(String, String)]) async throws -> User {
        var ids: [RPCValue] = []
        for (module, name) in groups {
            let rows = try await client.searchRead("ir.model.data", domain: [["module", "=", .string(module)], ["name", "=", .string(name)]], fields: ["res_id"])
            ids.append(RPCValue(try #require(rows.first?["res_id"]?.int)))
        }
        let password = "pw-\(Self.word(12))"
        let user = try await create("res.users", ["name": .string(login.capitalized), "login": .string(login), "password": .string(password),
                                                  "company_id": RPCValue(id), "company_ids": [[6, 0, RPCValue([id])]], "groups_id": [[6, 0, .array(ids)]]])
        return User(id: user, login: login, password: password)
    }

    /// The same company, every call made through `user`'s own login.
    func acting(as user: User) throws -> LiveDutiesCompany {
        LiveDutiesCompany(client: OdooClient(endpoint: try #require(Self.endpoint(login: user.login, password: user.password))), id: id)
    }

    /// A draft vendor bill of one line, dated today, created by the administrator.
    func bill(_ vendor: Int, cents: Int) async throws -> Int {
        try await create("account.move", [
            "move_type": "in_invoice", "partner_id": RPCValue(vendor), "company_id": RPCValue(id), "invoice_date": .string(LocalDate.todayUTC().description),
            "invoice_line_ids": [[0, 0, ["name": "Services", "quantity": 1, "price_unit": .double(WireNumber(minorUnits: Int64(cents), scale: 2)),
                                         "tax_ids": [[6, 0, []]]]]],
        ])
    }

    func post(_ move: Int) async throws {
        try await client.callReturningNothing("account.move", "action_post", [RPCValue([move])], ["context": ["allowed_company_ids": RPCValue([id])]])
    }

    /// Pays the bill in full today through `account.payment.register`, as a user would.
    func pay(_ bill: Int) async throws {
        let active: RPCStruct = ["active_model": "account.move", "active_ids": RPCValue([bill]), "allowed_company_ids": RPCValue([id])]
        let wizard = try await create("account.payment.register", ["payment_date": .string(LocalDate.todayUTC().description)], context: active)
        _ = try await client.execute("account.payment.register", "action_create_payments", [RPCValue([wizard])], ["context": .structure(active)], idempotent: false)
    }
}
