@testable import CloseSettings
import CloseStore
import CloseWorkflows
import FakeOdoo
import Foundation
import Ledger
import LoopbackHTTP
import OdooLedger
import OdooRPC
import Testing

/// The uid kept in the store between runs: a run with a remembered uid sends no `authenticate`; a uid Odoo
/// refuses (the database was replaced, the user recreated) costs one refused call and one authentication, and
/// the run goes on; a wrong password still fails with the clear error and leaves nothing remembered.
@Suite struct PullLoginMemoryTests {
    let odoo: FakeOdoo
    let companyID: Int
    let server: LoopbackServer
    let store: AppDatabase
    let key: String

    init() throws {
        let (odoo, company) = FakeOdoo.withCompany()
        (self.odoo, companyID) = (odoo, company.id)
        server = try LoopbackServer { odoo.handle($0) }
        store = try AppDatabase.inMemory()
        key = server.url.absoluteString
    }

    func settings(password: String = FakeOdoo.adminPassword) throws -> OdooSettings {
        try OdooSettings(resolving: SettingsResolver(flags: [
            .odooURL: server.url.absoluteString, .odooDatabase: FakeOdoo.database, .odooUser: FakeOdoo.adminLogin,
            .odooPassword: password, .odooProtocol: "jsonrpc", .mode: "audit", .odooCompany: String(companyID),
        ], environment: [:], file: nil))
    }

    /// One `closer pull`: a new client on the same store; the calls it sent, by label.
    func pull(password: String = FakeOdoo.adminPassword) async throws -> [String] {
        let before = server.requests.count
        let source = OdooGateway.source(try settings(password: password), store: store)
        let report = try await PullService(store: store, actor: "preparer").pull(
            from: source, sourceKey: source.sourceKey(companyID: companyID), period: try Period(parsing: "2026-10"), forceComplete: true)
        #expect(report.countsMatch == true)
        return server.requests.dropFirst(before).map { TimingProxy.label($0.body) }
    }

    func remembered() throws -> Int? { try store.odooLoginUID(url: key, database: FakeOdoo.database, login: FakeOdoo.adminLogin) }

    @Test func aRememberedUIDSavesTheAuthenticationAndARefusedOneIsReplaced() async throws {
        defer { server.stop() }
        #expect(try await pull().filter { $0 == "authenticate" }.count == 1)
        #expect(try remembered() == FakeOdoo.adminUID)
        #expect(!(try await pull()).contains("authenticate"))

        // The database was replaced and the login has another uid now: the first call is refused, nothing else.
        try store.keepOdooLoginUID(97, url: key, database: FakeOdoo.database, login: FakeOdoo.adminLogin)
        let afterRefusal = try await pull()
        #expect(afterRefusal.filter { $0 == "authenticate" }.count == 1, "\(afterRefusal)")
        #expect(try remembered() == FakeOdoo.adminUID)
        #expect(!(try await pull()).contains("authenticate"))
    }

    @Test func aWrongPasswordWithARememberedUIDFailsClearlyAndIsForgotten() async throws {
        defer { server.stop() }
        _ = try await pull()
        let refusal = await #expect(throws: OdooError.self) { _ = try await pull(password: "changed") }
        guard case .accessDenied = refusal else { Issue.record("expected access denied, got \(String(describing: refusal))"); return }
        #expect(try remembered() == nil, "a uid Odoo refused is not kept")
        #expect(try await pull().filter { $0 == "authenticate" }.count == 1)
    }
}
