import Foundation
@testable import CloseStore
import CloseWorkflows
import DemoCompany
import Ledger
import OdooLedger
import OdooRPC
import OdooSimulator
import Testing

/// A pull streams into staging tables and reaches the stored ledger only when it is swapped in whole: a pull that
/// fails part-way leaves the previous ledger exactly as it was, and nothing of it behind.
@Suite struct PullStagingTests {
    static let sourceKey: SourceKey = "odoo:staging"

    /// The stored ledger as bytes (keys sorted: a dictionary's order is not the same from one encoding to the next).
    static func stored(_ store: AppDatabase) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(store.loadSnapshot(sourceKey: sourceKey))
    }

    /// A source reading `simulator`'s one database a small page at a time, giving up at the first failed call.
    static func source(_ simulator: OdooSimulator) -> OdooLedgerSource {
        let endpoint = OdooEndpoint(url: simulator.url, database: simulator.configuration.databaseNames[0], login: SimulatorConfiguration.login,
                                    credential: .password(SimulatorConfiguration.password))
        let client = OdooClient(endpoint: endpoint, options: OdooClientOptions(retry: RetryPolicy(maxAttempts: 1), pageSize: 100),
                                access: .readOnly(mode: "audit"))
        return OdooLedgerSource(client: client, endpoint: endpoint)
    }

    /// Journal lines staged so far by the pull in progress (its temporary tables live on the store's one connection).
    static func stagedLines(in store: AppDatabase) throws -> Int {
        try store.writer.write { db in
            try temporaryTables(db).filter { $0.hasPrefix("pull") && $0.hasSuffix("move_line") }
                .reduce(0) { $0 + (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(db.dialect == .sqlite ? "temp" : "pg_temp").\($1)") ?? 0) }
        }
    }

    /// The tables of the store connection's own temporary schema.
    static func temporaryTables(_ db: any StoreSession) throws -> [String] {
        switch db.dialect {
        case .sqlite: try String.fetchAll(db, sql: "SELECT name FROM sqlite_temp_master WHERE type = 'table'")
        case .postgres: try String.fetchAll(db, sql: "SELECT tablename FROM pg_tables WHERE schemaname = (SELECT nspname FROM pg_namespace WHERE oid = pg_my_temp_schema())")
        }
    }

    @Test func anOdooThatGoesAwayMidPullLeavesThePreviousLedgerIntact() async throws {
        let period = OdooSimulatorPullTests.period
        let store = try AppDatabase.inMemory()
        let service = PullService(store: store, actor: "test")
        let previous = try OdooSimulator(SimulatorConfiguration(tenants: 1, linesPerTenant: 2_000, seed: 1))
        _ = try await service.pull(from: Self.source(previous), sourceKey: Self.sourceKey, period: period, forceComplete: true)
        previous.stop()
        let before = try Self.stored(store)
        let pullsBefore = try store.auditEvents().filter { $0.action == "ledger.pulled" }.count

        // Another company under the same key, served slowly; Odoo stops answering once some of its lines are staged.
        let configuration = SimulatorConfiguration(tenants: 1, linesPerTenant: 2_000, seed: 2, latencyPerRecord: .microseconds(500), workers: 1)
        let next = try OdooSimulator(configuration)
        let pull = Task { try await service.pull(from: Self.source(next), sourceKey: Self.sourceKey, period: period, forceComplete: true) }
        var staged = 0
        while staged == 0 {
            try await Task.sleep(for: .milliseconds(5))
            staged = try Self.stagedLines(in: store)
        }
        next.stop()
        await #expect(throws: OdooError.self) { try await pull.value }

        #expect(staged > 0 && staged < 2_000, "the failure came after \(staged) lines were staged, before the last")
        #expect(try Self.stored(store) == before, "the stored ledger is unchanged")
        #expect(try store.auditEvents().filter { $0.action == "ledger.pulled" }.count == pullsBefore)
        #expect(try store.runs(kind: "pull").first?.status == .failed)
        #expect(try store.writer.write { try Self.temporaryTables($0) }.isEmpty,
                "the staging tables are dropped")

        // The next pull of the same company goes through whole, with nothing of the failed one in it.
        let again = try OdooSimulator(configuration)
        defer { again.stop() }
        let report = try await service.pull(from: Self.source(again), sourceKey: Self.sourceKey, period: period, forceComplete: true)
        #expect(report.countsMatch == true)
        OdooSimulatorPullTests.expectSame(try store.loadSnapshot(sourceKey: Self.sourceKey),
                                          try #require(again.database(configuration.databaseNames[0])).snapshot)
    }

    @Test func aStreamedPullStoresWhatAWholePullStores() async throws {
        let book = DemoCompany.generate(DemoOptions(targetLines: 3_000))
        let store = try AppDatabase.inMemory()
        let report = try await PullService(store: store, actor: "test").pull(
            from: DemoLedgerSource(book: book), sourceKey: "demo:whole", period: book.groundTruth.period, historyMonths: 24)
        let stored = try store.loadSnapshot(sourceKey: "demo:whole")
        #expect(stored.moves == book.snapshot.moves.sorted { $0.id < $1.id })
        #expect(stored.lines == book.snapshot.lines.sorted { ($0.moveID, $0.id) < ($1.moveID, $1.id) })
        #expect(stored.statementLines == book.snapshot.statementLines.sorted { $0.id < $1.id })
        #expect(report.received == book.snapshot.counts && report.stored == book.snapshot.counts)
    }
}
