@testable import CloseSettings
import CloseStore
@testable import CloseWorkflows
import FakeOdoo
import Foundation
import Ledger
import OdooLedger
import OdooRPC
import Testing

/// The pull against a real Odoo through a timing proxy, when CLOSER_TEST_ODOO_URL etc. are set: what each run
/// asks of Odoo (calls by method), how long Odoo spent serving them, and the pull's wall time beside it.
/// Each run is what one `closer pull` does: a new client, the same store.
@Suite(.serialized, .liveOdoo)
struct LivePullSpeedTests {
    @Test func aPullCostsLittleMoreThanOdoosServingTimeAndAnUnchangedSchemaIsNotAskedAgain() async throws {
        let live = try #require(LiveOdooSettings.settings)
        let proxy = try TimingProxy(forwardingTo: live.endpoint.url)
        defer { proxy.stop() }
        var settings = live
        settings.endpoint.url = proxy.url
        let store = try AppDatabase.inMemory()
        let period = try await Self.newestPeriod(settings)

        let cold = try await Self.measure("first pull, empty store", settings, store, period, proxy, full: false)
        let warm = try await Self.measure("complete pull again (--full)", settings, store, period, proxy, full: true)
        let quiet = try await Self.measure("incremental pull, nothing changed", settings, store, period, proxy, full: false)

        #expect(cold.calls.filter { $0.method == "authenticate" }.count <= 1, "\(cold.name): \(cold.calls.byMethod)")
        for run in [warm, quiet] {
            #expect(!run.calls.contains { $0.method == "authenticate" }, "\(run.name) authenticated again: \(run.calls.byMethod)")
        }
        for run in [cold, warm, quiet] {
            #expect(run.calls.repeated.isEmpty, "\(run.name) sent the same call twice: \(run.calls.repeated)")
        }
        #expect(cold.report.countsMatch == true && warm.report.countsMatch == true)
        #expect(!cold.calls.contains { $0.method == "fields_get" } || cold.calls.contains { $0.model == "ir.module.module" })
        #expect(!warm.calls.contains { $0.method == "fields_get" } && !quiet.calls.contains { $0.method == "fields_get" },
                "a pull of an unchanged database asked for its schema again")
    }

    struct Run {
        var name: String
        var report: PullReport
        var calls: [TimingProxy.Call]
    }

    /// One pull as `closer pull` runs it, and what it cost.
    static func measure(_ name: String, _ settings: OdooSettings, _ store: AppDatabase, _ period: Period, _ proxy: TimingProxy,
                        full: Bool) async throws -> Run {
        let mark = proxy.now
        let started = ContinuousClock.now
        let source = OdooGateway.source(settings, store: store)
        let key = source.sourceKey(companyID: try await source.resolvedCompanyID())
        let report = try await PullService(store: store, actor: "live-test").pull(from: source, sourceKey: key, period: period, forceComplete: full)
        let wall = (ContinuousClock.now - started).seconds
        let calls = proxy.calls(since: mark)
        let data = calls.filter { !["authenticate", "version", "fields_get"].contains($0.method) && !($0.model ?? "").hasPrefix("ir.mod") }
        print("""
            pull speed — \(name): \(report.received.moves) moves, \(report.received.lines) lines, \(report.received.statementLines) statement lines
              wall \(f(wall)) s; Odoo serving \(f(calls.servingSeconds)) s summed over \(calls.count) calls (busy \(f(calls.busySeconds)) s); \
            wall / serving \(f(wall / calls.servingSeconds))×, wall / busy \(f(wall / calls.busySeconds))×
              data calls only (no authenticate, version, schema): \(data.count) calls, \(f(data.servingSeconds)) s summed, \
            busy \(f(data.busySeconds)) s; wall / data serving \(f(wall / data.servingSeconds))×
              by method: \(calls.byMethod.map { "\($0.method) \($0.count)× \(f($0.seconds)) s" }.joined(separator: ", "))
              sent twice: \(calls.repeated.isEmpty ? "none" : calls.repeated.joined(separator: ", "))
            """)
        return Run(name: name, report: report, calls: calls)
    }

    /// The period holding the newest posted entry, so the demo data is inside the window (asked directly, not through the proxy).
    static func newestPeriod(_ settings: OdooSettings) async throws -> Period {
        let client = OdooGateway.client(try #require(LiveOdooSettings.settings))
        let newest = try await client.searchRead("account.move", domain: [["state", "=", "posted"]], fields: ["date"], order: "date desc", limit: 1)
        return Period(containing: try #require(newest.first?["date"]?.stringValue.flatMap { LocalDate(iso: $0) }))
    }

    static func f(_ value: Double) -> String { String(format: "%.2f", value) }
}
