import CloseServer
import CloseSettings
import CloseStore
import FakeOdoo
import Governance
import Foundation
import Ledger
import LoopbackHTTP
import Logging

/// The fake Odoo with two vendors' bills due: Old Supplier's account trusted long ago, New Supplier's created
/// yesterday by Odoo user "mallory" (who is Closer user "mal"); money on the bank; and a server in `mode` over it.
struct TreasuryOdoo {
    var fake: FakeOdoo
    var company: FakeOdoo.Company
    var odoo: LoopbackServer
    var store: AppDatabase
    var tokens: [String: String]
    var server: TestServer
    var oldAccount: Int
    var newAccount: Int
    var oldBill: Int
    var newBill: Int
    var mallory: Int
    var newVendor: Int

    func stop() {
        server.stop()
        odoo.stop()
    }

    static func start(mode: String) async throws -> TreasuryOdoo {
        let (fake, company) = FakeOdoo.withCompany()
        let mallory = fake.user(login: "mallory")
        let today = LocalDate.todayUTC()
        let old = fake.vendor("Old Supplier", iban: "DE89 3704 0044 0532 0130 00", trusted: true, createdBy: FakeOdoo.adminUID, createdAt: "2025-06-01 09:00:00")
        let new = fake.vendor("New Supplier", iban: "GB29 NWBK 6016 1331 9268 19", trusted: true, createdBy: mallory,
                              createdAt: "\(today.adding(days: -1)) 09:00:00")
        let issued = today.adding(days: -30).description, due = today.adding(days: -2).description
        let oldBill = fake.payableBill(company, vendor: old.partner, cents: 120_000, date: issued, due: due)
        let newBill = fake.payableBill(company, vendor: new.partner, cents: 80_000, date: issued, due: due)
        _ = fake.statementLine(company, cents: 1_000_000, date: issued, label: "opening balance")
        let odoo = try LoopbackServer { fake.handle($0) }
        let settings = try OdooSettings(resolving: SettingsResolver(flags: [
            .odooURL: odoo.url.absoluteString, .odooDatabase: FakeOdoo.database, .odooUser: FakeOdoo.adminLogin, .odooPassword: FakeOdoo.adminPassword,
            .odooProtocol: "jsonrpc", .mode: mode, .odooCompany: String(company.id),
        ], environment: [:], file: nil))
        let store = try AppDatabase.inMemory()
        _ = try store.addUser(login: ServedDemo.admin, name: "Admin", roles: [.admin], odooUserID: nil, actor: ServedDemo.admin)
        var tokens: [String: String] = [:]
        for (login, role, odooUser) in [("vera", CloserRole.viewer, nil), ("paul", .preparer, nil), ("anna", .approver, nil), ("mal", .preparer, mallory)] {
            _ = try store.addUser(login: login, name: login.capitalized, roles: [role], odooUserID: odooUser, actor: ServedDemo.admin)
            tokens[login] = try store.issueToken(login: login, actor: ServedDemo.admin).token
        }
        var quiet = Logger(label: "closer.server.test")
        quiet.logLevel = .critical
        let server = try await TestServer.start(CloserServer(store: store, configuration: ServerConfiguration(host: "127.0.0.1", port: 0, odoo: settings),
                                                             logger: quiet))
        return TreasuryOdoo(fake: fake, company: company, odoo: odoo, store: store, tokens: tokens, server: server, oldAccount: old.account, newAccount: new.account,
                            oldBill: oldBill, newBill: newBill, mallory: mallory, newVendor: new.partner)
    }
}
