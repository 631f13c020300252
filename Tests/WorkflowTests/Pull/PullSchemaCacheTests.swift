@testable import CloseSettings
import CloseStore
import CloseWorkflows
import FakeOdoo
import Foundation
import Ledger
import LoopbackHTTP
import OdooLedger
import Testing

/// The schema cache against the in-memory Odoo: each pull is a run of its own (a new client, the same store).
/// The first asks for the fields of every model; later ones ask nothing while the modules stay as they were,
/// and a module installed or upgraded (the same version, a new write_date) has the schema asked for again.
@Suite struct PullSchemaCacheTests {
    @Test func anUnchangedDatabaseIsNotAskedForItsSchemaAgainAndAModuleChangeRefreshesIt() async throws {
        let (odoo, company) = FakeOdoo.withCompany()
        let server = try LoopbackServer { odoo.handle($0) }
        defer { server.stop() }
        let settings = try OdooSettings(resolving: SettingsResolver(flags: [
            .odooURL: server.url.absoluteString, .odooDatabase: FakeOdoo.database, .odooUser: FakeOdoo.adminLogin,
            .odooPassword: FakeOdoo.adminPassword, .odooProtocol: "jsonrpc", .mode: "audit", .odooCompany: String(company.id),
        ], environment: [:], file: nil))
        let store = try AppDatabase.inMemory()

        /// The calls one pull sent, "model.method" or the service method; `repeated` those sent twice with the same body.
        var repeated: [String] = []
        func pull() async throws -> [String] {
            let before = server.requests.count
            let source = OdooGateway.source(settings, store: store)
            let report = try await PullService(store: store, actor: "preparer").pull(
                from: source, sourceKey: source.sourceKey(companyID: company.id), period: try Period(parsing: "2026-10"), forceComplete: true)
            #expect(report.received.accounts == 7 && report.countsMatch == true)
            let sent = server.requests.dropFirst(before)
            repeated = Dictionary(grouping: sent, by: \.body).values.filter { $0.count > 1 }.map { TimingProxy.label($0[0].body) }
            return sent.map { TimingProxy.label($0.body) }
        }
        func schemaCalls(_ calls: [String]) -> Int { calls.filter { $0.hasSuffix(".fields_get") }.count }

        let first = try await pull()
        #expect(schemaCalls(first) >= 10, "\(first)")
        let second = try await pull()
        #expect(schemaCalls(second) == 0, "\(second)")
        #expect(first.filter { $0 == "authenticate" }.count == 1, "one authentication on the first run: \(first)")
        #expect(!second.contains("authenticate"), "the uid remembered from the first run: \(second)")
        #expect(repeated.isEmpty, "no call sent twice: \(repeated)")

        odoo.installModule("purchase", version: "18.0.1.2")
        let afterInstall = try await pull()
        #expect(schemaCalls(afterInstall) >= 10, "a module installed: the schema is asked for again")
        #expect(afterInstall.filter { $0 == "authenticate" }.count == 1, "modules changed: the remembered uid is confirmed: \(afterInstall)")
        #expect(schemaCalls(try await pull()) == 0)
        odoo.installModule("account", version: "18.0.1.0")
        #expect(schemaCalls(try await pull()) >= 10, "a module upgraded at the same version: the schema is asked for again")
    }
}
