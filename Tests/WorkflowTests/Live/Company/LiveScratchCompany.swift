import CloseSettings
import CloseWorkflows
import Foundation
import OdooRPC
import Testing

/// A company nobody tuned Closer for, created afresh in a scratch Odoo 18 database: a random name, Odoo's generic
/// chart of accounts, and whatever a test plants in it through the External API — every call carrying the company,
/// optionally as one of the company's own users. Every run builds a new company, so a re-run never meets what an
/// earlier one left.
struct LiveScratchCompany {
    /// The scratch databases the live tests may add companies to, each named by an environment variable.
    enum Database: String {
        /// `account` installed.
        case habits = "CLOSER_TEST_ODOO_HABITS_DB"
        /// `account` and `hr_expense` installed.
        case expenses = "CLOSER_TEST_ODOO_EXPENSES_DB"
        /// `account` installed, users and groups set freely.
        case duties = "CLOSER_TEST_ODOO_DUTIES_DB"

        /// Why a suite is skipped when the database is not set.
        var skipMessage: String { "skipped: no scratch Odoo database (set CLOSER_TEST_ODOO_URL and \(rawValue))" }
    }

    /// One of the company's Odoo users, with the password it logs in with.
    struct User {
        var id: Int
        var login: String
        var password: String
    }

    let database: Database
    let client: OdooClient
    let id: Int

    /// Settings for `database` (as the administrator, or as `user`); `url` reaches the same Odoo another way (a proxy
    /// that watches the requests). nil when the environment does not name the database.
    static func settings(_ database: Database, company: Int?, mode: String = "audit", url: String? = nil, user: User? = nil) -> OdooSettings? {
        let environment = ProcessInfo.processInfo.environment
        guard let base = environment["CLOSER_TEST_ODOO_URL"], let name = environment[database.rawValue] else { return nil }
        var flags: [Setting: String] = [.odooURL: url ?? base, .odooDatabase: name, .odooUser: user?.login ?? environment["CLOSER_TEST_ODOO_USER"] ?? "admin",
                                        .odooPassword: user?.password ?? environment["CLOSER_TEST_ODOO_PASSWORD"] ?? "admin", .mode: mode]
        if let company { flags[.odooCompany] = String(company) }
        return try? OdooSettings(resolving: SettingsResolver(flags: flags, environment: [:], file: nil))
    }

    /// This company's settings, as the administrator or as `user`.
    func settings(mode: String = "audit", url: String? = nil, user: User? = nil) -> OdooSettings? {
        Self.settings(database, company: id, mode: mode, url: url, user: user)
    }

    /// A new company with a random name ending in `kind`, in `currency` (ISO code, activated if archived) when given.
    static func create(in database: Database, kind: String, currency: String? = nil) async throws -> LiveScratchCompany {
        try await creations.run { try await createNow(in: database, kind: kind, currency: currency) }
    }

    /// Odoo 18 refuses two charts of accounts loaded at once in one database ("another model requires the record being
    /// deleted"), and suites run in parallel: companies are made one at a time.
    private static let creations = OneAtATime()

    private static func createNow(in database: Database, kind: String, currency: String?) async throws -> LiveScratchCompany {
        let client = OdooGateway.client(try #require(settings(database, company: nil, mode: "supervised")))
        let name = "\(word(7).capitalized) \(kind)"
        var values: RPCStruct = ["name": .string(name)]
        if let currency {
            let found = try await client.execute("res.currency", "search", [[["name", "=", .string(currency)]]], ["context": ["active_test": false]],
                                                 idempotent: true)
            let currencyID = try #require(found.arrayValue?.first?.int, "no currency \(currency)")
            try await client.write("res.currency", ids: [currencyID], ["active": true])
            values["currency_id"] = RPCValue(currencyID)
        }
        let id = try await client.create("res.company", [values])[0]
        let uid = try await client.authenticate()
        try await client.write("res.users", ids: [uid], ["company_ids": [[4, RPCValue(id)]]])
        try await client.callReturningNothing("account.chart.template", "try_loading", [[], "generic_coa", RPCValue(id)])
        print("[live] company \(id) '\(name)' in \(database.rawValue)")
        return LiveScratchCompany(database: database, client: client, id: id)
    }

    /// The same company, every call made through `user`'s own login.
    func acting(as user: User) throws -> LiveScratchCompany {
        LiveScratchCompany(database: database, client: OdooGateway.client(try #require(settings(mode: "supervised", user: user))), id: id)
    }

    static func word(_ length: Int) -> String { String((0..<length).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! }) }

    /// The company's context, with `extra` keys (a wizard's active records).
    func context(_ extra: RPCStruct = [:]) -> RPCStruct {
        var context: RPCStruct = ["allowed_company_ids": RPCValue([id])]
        for (key, value) in extra { context[key] = value }
        return context
    }

    func create(_ model: String, _ values: RPCStruct, context extra: RPCStruct = [:]) async throws -> Int {
        let value = try await client.execute(model, "create", [.array([.structure(values)])], ["context": .structure(context(extra))], idempotent: false)
        return try #require(value.int ?? value.arrayValue?.first?.int, "\(model).create answered \(value)")
    }

    /// Calls a method that answers nothing on `ids`, in the company.
    func call(_ model: String, _ method: String, _ ids: [Int], context extra: RPCStruct = [:]) async throws {
        try await client.callReturningNothing(model, method, [RPCValue(ids)], ["context": .structure(context(extra))])
    }

    /// The record an external id ("account.group_validate_bank_account") names.
    func reference(_ xmlID: String) async throws -> Int {
        let parts = xmlID.split(separator: ".").map(String.init)
        let rows = try await client.searchRead("ir.model.data", domain: [["module", "=", .string(parts[0])], ["name", "=", .string(parts[1])]],
                                               fields: ["res_id"], limit: 1)
        return try #require(rows.first?["res_id"]?.int, "no \(xmlID)")
    }

    /// An internal user of the company only, in exactly these groups (external ids) and what they imply.
    func user(_ login: String, groups: [String]) async throws -> User {
        var ids: [RPCValue] = []
        for group in ["base.group_user"] + groups { ids.append(RPCValue(try await reference(group))) }
        let password = "pw-\(Self.word(12))"
        let user = try await create("res.users", ["name": .string(login.capitalized), "login": .string(login), "password": .string(password),
                                                  "company_id": RPCValue(id), "company_ids": [[6, 0, RPCValue([id])]], "groups_id": [[6, 0, .array(ids)]]])
        return User(id: user, login: login, password: password)
    }
}

/// Runs the work handed to it one piece after another, in the order it was handed over.
private actor OneAtATime {
    private var last: Task<Void, Never>?

    func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let previous = last
        let task = Task { () async throws -> T in
            await previous?.value
            return try await work()
        }
        last = Task { _ = try? await task.value }
        return try await task.value
    }
}
