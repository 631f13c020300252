/// The store's connection inside one transaction (or one read): what every query of CloseStore is written against, so the
/// same code runs on SQLite (the embedded default) and on PostgreSQL (a firm's). SQL is written in SQLite's dialect with
/// `?` placeholders; where the engines differ, `dialect` says which to write.
protocol StoreSession: AnyObject {
    var dialect: StoreDialect { get }
    /// Rows changed by the last statement run through `execute`.
    var changesCount: Int { get }

    /// Runs one statement, or several separated by semicolons when there are no arguments.
    func execute(sql: String, arguments: StoreArguments) throws
    func fetchRows(sql: String, arguments: StoreArguments) throws -> [StoreRow]
    /// Rows one at a time, for results too large to hold twice.
    func cursor(sql: String, arguments: StoreArguments) throws -> StoreRowCursor
    /// A statement run many times with different arguments (bulk inserts).
    func prepare(sql: String) throws -> any StoreStatement
    /// The triggers on a table, by name (the audit trail's append-only guards).
    func triggerNames(on table: String) throws -> [String]
    /// A table's columns in their order (the store's own tables, or a temporary one of this connection).
    func columnNames(of table: String) throws -> [String]
    /// The id the last INSERT into a table with an `id` key gave its row.
    func lastInsertedRowID() throws -> Int64
}

extension StoreSession {
    func execute(sql: String) throws {
        try execute(sql: sql, arguments: [])
    }
}

/// A prepared statement of a `StoreSession`, valid inside its transaction.
protocol StoreStatement {
    func execute(arguments: StoreArguments) throws
    /// Runs it once per row of arguments, in order; an engine may send several rows at once (an INSERT's VALUES).
    func execute(batch: [StoreArguments]) throws
}

extension StoreStatement {
    func execute(batch: [StoreArguments]) throws {
        for arguments in batch { try execute(arguments: arguments) }
    }
}

/// Rows of a query read one at a time; valid inside its session's transaction.
struct StoreRowCursor {
    let advance: () throws -> StoreRow?

    func next() throws -> StoreRow? { try advance() }
}
