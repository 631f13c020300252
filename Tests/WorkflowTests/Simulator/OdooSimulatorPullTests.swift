import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Ledger
import OdooLedger
import OdooRPC
import OdooSimulator
import Testing

/// `closer pull`'s PullService against the simulated Odoo: what it stores is the generated ledger, record for
/// record; the schema is asked for once; databases stay apart; faults are retried and latency is what was asked.
@Suite struct OdooSimulatorPullTests {
    static let period = try! Period(parsing: "2026-10")

    static func settings(_ simulator: OdooSimulator, database: String, protocolName: String = "xmlrpc") throws -> OdooSettings {
        try OdooSettings(resolving: SettingsResolver(flags: [
            .odooURL: simulator.url.absoluteString, .odooDatabase: database, .odooUser: SimulatorConfiguration.login,
            .odooPassword: SimulatorConfiguration.password, .odooProtocol: protocolName, .mode: "audit",
        ], environment: [:], file: nil))
    }

    /// Pulls `database` into `store` as `closer pull` does (the schema kept in the store) and returns the stored ledger.
    @discardableResult
    static func pull(_ simulator: OdooSimulator, _ database: String, into store: AppDatabase, protocolName: String = "xmlrpc") async throws
        -> (report: PullReport, stored: LedgerSnapshot) {
        let source = OdooGateway.source(try settings(simulator, database: database, protocolName: protocolName), store: store)
        let key = source.sourceKey(companyID: try await source.resolvedCompanyID())
        let report = try await PullService(store: store, actor: "preparer").pull(from: source, sourceKey: key, period: period, forceComplete: true)
        return (report, try store.loadSnapshot(sourceKey: key))
    }

    /// Every record the pull reads, as the generator made it.
    static func expectSame(_ stored: LedgerSnapshot, _ generated: LedgerSnapshot) {
        #expect(stored.moves.count == generated.moves.count && stored.lines.count == generated.lines.count
                && stored.statementLines.count == generated.statementLines.count)
        #expect(stored.moves.sorted { $0.id < $1.id } == generated.moves.sorted { $0.id < $1.id })
        #expect(stored.lines.sorted { $0.id < $1.id } == generated.lines.sorted { $0.id < $1.id })
        #expect(stored.statementLines.sorted { $0.id < $1.id } == generated.statementLines.sorted { $0.id < $1.id })
        #expect(stored.accounts.sorted { $0.id < $1.id } == generated.accounts.sorted { $0.id < $1.id })
        #expect(stored.journals.sorted { $0.id < $1.id } == generated.journals.sorted { $0.id < $1.id })
        #expect(stored.taxes.sorted { $0.id < $1.id } == generated.taxes.sorted { $0.id < $1.id })
        // Odoo's reader asks only for the partners the ledger names.
        let named = Set(generated.moves.compactMap(\.partnerID) + generated.lines.compactMap(\.partnerID) + generated.statementLines.compactMap(\.partnerID))
        #expect(stored.partners.sorted { $0.id < $1.id } == generated.partners.filter { named.contains($0.id) }.sorted { $0.id < $1.id })
        // The trial balance per account, the figure every check starts from.
        func balances(_ snapshot: LedgerSnapshot) -> [Int: Int64] {
            snapshot.lines.reduce(into: [:]) { $0[$1.accountID, default: 0] += $1.balance.minorUnits }
        }
        #expect(balances(stored) == balances(generated))
    }

    @Test func aPullStoresExactlyTheGeneratedLedgerAndASecondAsksNoSchema() async throws {
        let simulator = try OdooSimulator(SimulatorConfiguration(tenants: 2, linesPerTenant: 4_000))
        defer { simulator.stop() }
        let store = try AppDatabase.inMemory()
        let generated = try #require(simulator.database("tenant1")).snapshot

        let (report, stored) = try await Self.pull(simulator, "tenant1", into: store)
        #expect(report.countsMatch == true)
        #expect(report.received.lines == generated.lines.count && generated.lines.count > 3_000)
        Self.expectSame(stored, generated)
        let schemaCalls = { simulator.served.calls.filter { $0.key.hasSuffix(".fields_get") }.values.reduce(0, +) }
        let first = schemaCalls()
        #expect(first >= 10)

        let (again, restored) = try await Self.pull(simulator, "tenant1", into: store, protocolName: "jsonrpc")
        #expect(schemaCalls() == first, "the second pull reuses the schema kept in the store")
        #expect(again.countsMatch == true)
        Self.expectSame(restored, generated)
    }

    @Test func databasesAreKeptApart() async throws {
        let simulator = try OdooSimulator(SimulatorConfiguration(tenants: 2, linesPerTenant: 2_000, seed: 7))
        defer { simulator.stop() }
        let first = try await Self.pull(simulator, "tenant1", into: try AppDatabase.inMemory()).stored
        let second = try await Self.pull(simulator, "tenant2", into: try AppDatabase.inMemory()).stored
        Self.expectSame(first, try #require(simulator.database("tenant1")).snapshot)
        Self.expectSame(second, try #require(simulator.database("tenant2")).snapshot)
        #expect(first.lines != second.lines, "another seed, another company")

        do {
            try await Self.pull(simulator, "tenant3", into: try AppDatabase.inMemory())
            Issue.record("a database the simulator does not have was pulled")
        } catch let error as OdooError {
            guard case .unknownDatabase(let name) = error else { Issue.record("\(error)"); return }
            #expect(name == "tenant3")
        }
    }

    @Test func gatewayErrorsAndDroppedConnectionsAreRetriedAway() async throws {
        let simulator = try OdooSimulator(SimulatorConfiguration(tenants: 1, linesPerTenant: 2_000, badGatewayRate: 0.1, dropRate: 0.05))
        defer { simulator.stop() }
        let endpoint = OdooEndpoint(url: simulator.url, database: "tenant1", login: SimulatorConfiguration.login,
                                    credential: .password(SimulatorConfiguration.password))
        let client = OdooClient(endpoint: endpoint, options: OdooClientOptions(retry: RetryPolicy(maxAttempts: 8, baseDelay: .milliseconds(5))),
                                access: .readOnly(mode: "audit"))
        let source = OdooLedgerSource(client: client, endpoint: endpoint)
        let store = try AppDatabase.inMemory()
        let key = source.sourceKey(companyID: try await source.resolvedCompanyID())
        let report = try await PullService(store: store, actor: "preparer").pull(from: source, sourceKey: key, period: Self.period, forceComplete: true)
        let served = simulator.served
        #expect(served.badGateways > 0 && served.dropped > 0, "\(served.badGateways) 502s, \(served.dropped) dropped of \(served.requests)")
        #expect(report.countsMatch == true)
        Self.expectSame(try store.loadSnapshot(sourceKey: key), try #require(simulator.database("tenant1")).snapshot)
    }

    @Test func latencyIsPerCallPlusPerRecordAndWorkersCapWhatIsServedAtOnce() async throws {
        let simulator = try OdooSimulator(SimulatorConfiguration(
            tenants: 1, linesPerTenant: 2_000, latencyPerCall: .milliseconds(100), latencyPerRecord: .milliseconds(2), workers: 2))
        defer { simulator.stop() }
        _ = simulator.database("tenant1")
        let endpoint = OdooEndpoint(url: simulator.url, database: "tenant1", login: SimulatorConfiguration.login,
                                    credential: .password(SimulatorConfiguration.password))
        let client = OdooClient(endpoint: endpoint, options: OdooClientOptions(maxConcurrentCalls: 8), access: .readOnly(mode: "audit"))
        try await client.authenticate()

        var started = ContinuousClock.now
        let records = try await client.searchRead("account.move.line", domain: [], fields: ["date"], limit: 50)
        let oneCall = ContinuousClock.now - started
        #expect(records.count == 50)
        #expect(oneCall >= .milliseconds(100 + 50 * 2), "\(oneCall)")

        started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<6 { group.addTask { try await client.searchCount("account.move", domain: []) } }
            for try await count in group { #expect(count == simulator.database("tenant1")?.snapshot.moves.count) }
        }
        let sixCalls = ContinuousClock.now - started
        #expect(simulator.served.mostAtOnce == 2)
        #expect(sixCalls >= .milliseconds(3 * 100), "six calls on two workers take three rounds: \(sixCalls)")
    }
}
