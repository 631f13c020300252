@testable import CloseSettings
import CloseStore
@testable import CloseWorkflows
import Ledger
import OdooRPC
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LoopbackHTTP
import Testing
import OdooLedger

/// Audit mode against a real Odoo, when CLOSER_TEST_ODOO_URL etc. are set: Closer talks to Odoo through
/// a recording proxy on loopback, runs the whole close (pull, check, reconcile, propose, checklist) and
/// tries every write-back, and the proxy shows that only read methods ever reached Odoo.
@Suite(.serialized, .liveOdoo)
struct LiveAuditModeTests {
    /// The ORM method of an XML-RPC `execute_kw` call: its fourth string parameter (db, password, model, method).
    static func ormMethod(_ body: [UInt8]) -> String? {
        let text = String(decoding: body, as: UTF8.self)
        guard text.contains("<methodName>execute_kw</methodName>") else { return nil }
        let strings = text.components(separatedBy: "<string>").dropFirst().map { $0.components(separatedBy: "</string>")[0] }
        return strings.count > 3 ? strings[3] : nil
    }

    @Test func aWholeCloseInAuditModeSendsOnlyReads() async throws {
        let live = try #require(LiveOdooSettings.settings)
        let base = live.endpoint.url
        let proxy = try LoopbackServer { LoopbackServer.forward($0, to: base) }
        defer { proxy.stop() }
        let environment = ProcessInfo.processInfo.environment
        let settings = try OdooSettings(resolving: SettingsResolver(flags: [
            .odooURL: proxy.url.absoluteString, .odooDatabase: environment["CLOSER_TEST_ODOO_DB"]!, .odooUser: environment["CLOSER_TEST_ODOO_USER"]!,
            .odooPassword: environment["CLOSER_TEST_ODOO_PASSWORD"]!, .mode: "audit",
        ], environment: [:], file: nil))
        let source = OdooGateway.source(settings)
        let key = source.sourceKey(companyID: try await source.resolvedCompanyID())
        let store = try AppDatabase.inMemory()
        let period = Period(containing: Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)).date).previous
        let standing = try await CloseRunService(store: store, actor: "closer-agent").run(pullingFrom: source, sourceKey: key, period: period,
                                                                                         asOf: period.next.start.adding(days: 3))
        #expect(standing.pulled != nil)

        // Every write-back refuses in audit mode, before connecting; a raw write is refused by the client itself.
        await #expect(throws: OperatingModeError.self) { try await AdjustmentApplyService(store: store, settings: settings, actor: "x").apply(sourceKey: key) }
        await #expect(throws: OperatingModeError.self) { try await ReconcileApplyService(store: store, settings: settings, actor: "x").apply(sourceKey: key) }
        await #expect(throws: OperatingModeError.self) {
            try await PeriodLockService(store: store, actor: "x").approve(id: 1, sourceKey: key, settings: settings, asOf: period.end)
        }
        await #expect(throws: OdooError.self) { _ = try await source.client.execute("res.partner", "create", [[["name": "audit mode"]]], idempotent: false) }

        let methods = proxy.requests.compactMap { Self.ormMethod($0.body) }
        #expect(!methods.isEmpty && proxy.requestCount > 5)
        let writes = Set(methods).subtracting(OdooAccessPolicy.readMethods)
        #expect(writes.isEmpty, "write methods reached Odoo: \(writes.sorted())")
        print("audit mode: \(proxy.requestCount) HTTP requests to Odoo, \(methods.count) ORM calls, methods: \(Set(methods).sorted())")
    }
}
