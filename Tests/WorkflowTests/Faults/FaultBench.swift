@testable import CloseSettings
import CloseStore
@testable import CloseWorkflows
import FakeOdoo
import Foundation
import Governance
import Ledger
import LoopbackHTTP
import OdooRPC

/// One cell's world: an Odoo (the fake, in CI), the fault proxy Closer talks through, a direct client
/// the audit reads with (no faults), and a store holding the company's ledger as pulled through the proxy's address.
final class FaultBench: @unchecked Sendable {
    let odoo: any MatrixOdoo
    let proxy: FaultProxy
    /// Reads what Odoo holds, past the proxy.
    let direct: OdooClient
    let settings: OdooSettings
    let store: AppDatabase
    let sourceKey: SourceKey
    let period = try! Period(parsing: "2026-10")
    let asOf = LocalDate(iso: "2026-11-04")!

    /// Closer's client retries three times within 0.15 s, so an outage (`FaultProxy.outage`) outlasts its
    /// retries; it gives up waiting after the backend's `clientTimeout`.
    static let retry = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(50), maxDelay: .milliseconds(100), jitter: false)

    init(odoo: any MatrixOdoo, kind: FaultKind, strikeAt: Int?) async throws {
        self.odoo = odoo
        proxy = try odoo.proxy(kind: kind, strikeAt: strikeAt)
        proxy.armed = false
        var settings = try OdooSettings(resolving: SettingsResolver(flags: [
            .odooURL: proxy.url.absoluteString, .odooDatabase: odoo.database, .odooUser: odoo.login, .odooPassword: odoo.password,
            .odooProtocol: odoo.rpcProtocol.rawValue, .mode: "supervised", .timeoutSeconds: String(odoo.clientTimeout), .odooCompany: String(odoo.company.id),
        ], environment: [:], file: nil))
        settings.options.retry = Self.retry
        self.settings = settings
        direct = OdooClient(endpoint: OdooEndpoint(url: odoo.url, database: odoo.database, login: odoo.login,
                                                   credential: .password(odoo.password), rpcProtocol: odoo.rpcProtocol))
        sourceKey = .odoo(url: proxy.url.absoluteString, database: odoo.database, companyID: odoo.company.id)
        store = try AppDatabase.inMemory()
        _ = try await PullService(store: store, actor: "preparer").pull(from: SnapshotSource(snapshot: odoo.company.snapshot),
                                                                         sourceKey: sourceKey, period: period, historyMonths: 1)
        _ = try store.addUser(login: "admin", name: "Admin", roles: [.admin], odooUserID: nil, actor: "test")
        _ = try store.addUser(login: "ann", name: "Ann Approver", roles: [.approver], odooUserID: nil, actor: "admin")
        _ = try store.addUser(login: "carol", name: "Carol Controller", roles: [.controller], odooUserID: odoo.company.userID, actor: "admin")
    }

    deinit { proxy.stop() }

    /// Faults strike from now on (seeding writes through the proxy do not count).
    func arm() { proxy.armed = true }
}

/// The ledger the store holds for the company: just its reference data (the write paths need no history).
struct SnapshotSource: LedgerSource {
    var snapshot: LedgerSnapshot
    var sourceDescription: String { "the fault matrix's company" }

    func pull(_ request: PullRequest, progress: PullProgress?) async throws -> PullResult {
        PullResult(snapshot: snapshot, moveIDsInWindow: [], cursor: nil)
    }
}

/// The Odoo a cell runs against: the fake (always) or a real one (CLOSER_TEST_ODOO_URL), with the
/// records each write path needs created fresh for the cell.
protocol MatrixOdoo: Sendable {
    var url: URL { get }
    var database: String { get }
    var login: String { get }
    var password: String { get }
    var rpcProtocol: RPCProtocol { get }
    var company: MatrixCompany { get }
    /// Which backend, for the figures ("fake", "Odoo 18").
    var label: String { get }
    /// Seconds Closer's client waits for an answer (a busy real server needs more than the fake's one).
    var clientTimeout: Int { get }

    func proxy(kind: FaultKind, strikeAt: Int?) throws -> FaultProxy
    /// A posted customer invoice; its receivable journal item.
    func invoice(cents: Int) async throws -> (move: Int, receivable: Int)
    /// A posted bank statement line of money received, unmatched.
    func statementLine(cents: Int, label: String) async throws -> Int
    /// A vendor's posted bill and the same bill keyed again as a draft, its reference reformatted.
    func vendorBillPair(cents: Int) async throws -> (original: Int, copy: Int)
}

/// The company's records the write paths use, by their Odoo ids.
struct MatrixCompany: Sendable {
    var id: Int
    var name: String
    var currency: Currency
    var customer: Int
    var expense: Int
    var accrued: Int
    var miscJournal: Int
    var bankJournal: Int
    /// The Odoo user Closer's controller maps to (To-Dos go to them).
    var userID: Int
    /// The date entries are written on: inside the period, after any lock date.
    var date: LocalDate

    var snapshot: LedgerSnapshot {
        LedgerSnapshot(company: Company(id: id, name: name, currency: currency), currencies: [currency],
                       accounts: [Account(id: expense, code: "600000", name: "Expenses", type: .expense),
                                  Account(id: accrued, code: "212000", name: "Accrued Expenses", type: .currentLiabilities)],
                       journals: [Journal(id: miscJournal, code: "MISC", name: "Miscellaneous Operations", type: .general),
                                  Journal(id: bankJournal, code: "BNK1", name: "Bank", type: .bank)])
    }
}

/// The in-memory Odoo, served on its own loopback port.
final class FakeMatrixOdoo: MatrixOdoo, @unchecked Sendable {
    let fake: FakeOdoo
    let records: FakeOdoo.Company
    let server: LoopbackServer
    let company: MatrixCompany

    init() throws {
        (fake, records) = FakeOdoo.withCompany()
        let fake = fake
        server = try LoopbackServer { fake.handle($0) }
        company = MatrixCompany(id: records.id, name: "Fake Company", currency: Currency(id: records.currencyID, code: CurrencyCode("USD")!),
                                customer: records.customerID, expense: records.expense, accrued: records.accrued,
                                miscJournal: records.miscJournal, bankJournal: records.bankJournal, userID: FakeOdoo.adminUID,
                                date: LocalDate(iso: "2026-10-31")!)
    }

    deinit { server.stop() }

    var url: URL { server.url }
    var database: String { FakeOdoo.database }
    var login: String { FakeOdoo.adminLogin }
    var password: String { FakeOdoo.adminPassword }
    var rpcProtocol: RPCProtocol { .jsonrpc }
    var label: String { "fake" }
    var clientTimeout: Int { 1 }

    func proxy(kind: FaultKind, strikeAt: Int?) throws -> FaultProxy {
        let fake = fake
        return try FaultProxy(kind: kind, strikeAt: strikeAt) { fake.handle($0) }
    }

    func invoice(cents: Int) async throws -> (move: Int, receivable: Int) {
        fake.postedInvoice(records, cents: cents, date: "2026-10-05")
    }

    func statementLine(cents: Int, label: String) async throws -> Int {
        fake.statementLine(records, cents: cents, date: "2026-10-20", label: label)
    }

    func vendorBillPair(cents: Int) async throws -> (original: Int, copy: Int) {
        fake.vendorBillPair(records, cents: cents, date: "2026-10-12")
    }
}
