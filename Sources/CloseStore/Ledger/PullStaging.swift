public import Ledger
import Synchronization

/// A pull on its way into the store. The moves, lines and statement lines a source streams are written page by page
/// to temporary copies of the ledger's tables on the store's writer connection, and `AppDatabase.finishPull` swaps them
/// into the ledger in one transaction. Until then the stored ledger is untouched: a failed pull is `discard`ed, and an
/// interrupted process leaves only temporary tables, which SQLite drops with the connection.
public final class PullStaging: LedgerSink {
    let store: AppDatabase
    let tables: Tables
    private let state = Mutex<(currencies: [Currency], received: LedgerCounts)>(([], LedgerCounts()))

    /// The temporary tables of one pull, named apart so that two pulls into one store never meet.
    struct Tables {
        let moves: String
        let lines: String
        let statementLines: String
        /// Every move id in the pulled window (`PullResult.moveIDsInWindow`), to see the moves deleted since.
        let present: String
        let dialect: StoreDialect

        private static let pulls = Atomic<Int>(0)

        /// Temporary tables live in SQLite's `temp` schema, in PostgreSQL's `pg_temp`: the connection's own, either way.
        init(dialect: StoreDialect) {
            self.dialect = dialect
            let prefix = (dialect == .sqlite ? "temp" : "pg_temp") + ".pull_\(Self.pulls.add(1, ordering: .relaxed).newValue)_"
            moves = prefix + "move"
            lines = prefix + "move_line"
            statementLines = prefix + "statement_line"
            present = prefix + "present"
        }

        var all: [String] { [moves, lines, statementLines, present] }
    }

    init(store: AppDatabase) throws {
        let tables = Tables(dialect: store.writer.dialect)
        self.store = store
        self.tables = tables
        try store.writer.write { db in
            // Copies of the ledger tables' columns (without their keys and checks; the swap inserts into the real ones).
            for (copy, table) in [(tables.moves, "move"), (tables.lines, "move_line"), (tables.statementLines, "statement_line")] {
                try db.execute(sql: "CREATE TABLE \(copy) AS SELECT * FROM \(table) WHERE 1 = 0")
            }
            try db.execute(sql: "CREATE TABLE \(tables.present) (odoo_id BIGINT PRIMARY KEY)")
        }
    }

    /// Moves, lines and statement lines received so far (accounts, journals and partners come with the result).
    var received: LedgerCounts { state.withLock { $0.received } }

    public func receive(currencies: [Currency]) {
        state.withLock { $0.currencies += currencies }
    }

    /// Staged with the company id 0 and no fingerprint: the swap sets both.
    public func receive(moves: [Move]) throws {
        try stage(moves, counted: \.moves, sql: LedgerRows.insertSQL(into: tables.moves, columns: 23, replacing: false, dialect: tables.dialect)) { move in
            LedgerRows.moveRow(move, hash: "", companyID: 0)
        }
    }

    public func receive(lines: [JournalLine]) throws {
        try stage(lines, counted: \.lines, sql: LedgerRows.insertSQL(into: tables.lines, columns: 17, replacing: false, dialect: tables.dialect)) { line in
            LedgerRows.lineRow(line, companyID: 0)
        }
    }

    public func receive(statementLines: [StatementLine]) throws {
        // The currencies of a line's amounts are known by now (a source sends a currency before any record in it).
        let currencies = CurrencyTable(state.withLock { $0.currencies })
        try stage(statementLines, counted: \.statementLines, sql: LedgerRows.insertSQL(into: tables.statementLines, columns: 15, replacing: false, dialect: tables.dialect)) { line in
            LedgerRows.statementLineRow(line, companyID: 0, currencies: currencies)
        }
    }

    private func stage<Record>(_ records: [Record], counted: WritableKeyPath<LedgerCounts, Int>, sql: String,
                               row: (Record) -> StoreArguments) throws {
        guard !records.isEmpty else { return }
        try store.writer.write { db in try db.prepare(sql: sql).execute(batch: records.map(row)) }
        state.withLock { $0.received[keyPath: counted] += records.count }
    }

    /// Drops what was staged (a failed or interrupted pull): the stored ledger was never touched.
    public func discard() {
        try? store.writer.write { db in
            for table in tables.all { try db.execute(sql: "DROP TABLE IF EXISTS \(table)") }
        }
    }
}

extension AppDatabase {
    /// Starts a streamed pull: hand the returned staging to `LedgerSource.pull(_:into:progress:)`, then `finishPull` it
    /// (or `discard` it when the pull fails).
    public func stagePull() throws -> PullStaging {
        try PullStaging(store: self)
    }
}
