import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The PostgreSQL engine's session: the store's connection inside one transaction. Calls block their thread on the
/// connection's event loop, as SQLite's calls block on the file; never call it from an event loop.
final class PostgresStoreSession: StoreSession {
    private let connection: PostgresConnection
    /// The store's URL without its password, for messages.
    private let store: String
    private let logger: Logger
    private(set) var changesCount = 0

    init(connection: PostgresConnection, store: String, logger: Logger) {
        self.connection = connection
        self.store = store
        self.logger = logger
    }

    var dialect: StoreDialect { .postgres }

    func execute(sql: String, arguments: StoreArguments) throws {
        if arguments.values.isEmpty, sql.contains(";") {
            try runScript(sql)
            return
        }
        changesCount = try send(try query(sql, arguments)).metadata.rows ?? 0
    }

    func fetchRows(sql: String, arguments: StoreArguments) throws -> [StoreRow] {
        let result = try send(try query(sql, arguments))
        changesCount = result.metadata.rows ?? 0
        guard let first = result.rows.first else { return [] }
        var columns: [String: Int] = [:]
        for (index, cell) in first.enumerated() where columns[cell.columnName.lowercased()] == nil {
            columns[cell.columnName.lowercased()] = index
        }
        return try result.rows.map { row in StoreRow(source: StoreValuesRow(columns: columns, values: try row.map(StoreValue.init))) }
    }

    /// Reads the whole result first: large reads (a 10M-line snapshot) are SQLite's embedded case.
    func cursor(sql: String, arguments: StoreArguments) throws -> StoreRowCursor {
        var rows = try fetchRows(sql: sql, arguments: arguments).makeIterator()
        return StoreRowCursor { rows.next() }
    }

    func prepare(sql: String) throws -> any StoreStatement {
        PostgresStoreStatement(session: self, sql: sql)
    }

    func triggerNames(on table: String) throws -> [String] {
        try String.fetchAll(self, sql: "SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass(?) AND NOT tgisinternal", arguments: [table])
    }

    func columnNames(of table: String) throws -> [String] {
        try String.fetchAll(self, sql: """
            SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped ORDER BY attnum
            """, arguments: [table])
    }

    /// The value PostgreSQL last drew from a sequence in this session: the identity of the row just inserted.
    func lastInsertedRowID() throws -> Int64 {
        guard let id = try Int64.fetchOne(self, sql: "SELECT lastval()") else { throw StoreError.unavailable(store: store, reason: "it gave no id for the row just inserted") }
        return id
    }

    /// Runs statements separated by semicolons, without arguments, one after the other.
    func runScript(_ sql: String) throws {
        var changed = 0
        for statement in PostgresStatementText.statements(in: sql) {
            changed = try send(PostgresQuery(unsafeSQL: PostgresStatementText.translated(statement))).metadata.rows ?? 0
        }
        changesCount = changed
    }

    /// Runs a statement of the session's own (BEGIN, COMMIT, a lock).
    func run(_ sql: String) throws {
        _ = try send(PostgresQuery(unsafeSQL: sql))
    }

    private func send(_ query: PostgresQuery) throws -> PostgresQueryResult {
        do {
            return try connection.query(query, logger: logger).wait()
        } catch let error as PSQLError where error.serverInfo == nil {
            // No answer from the server: the connection broke (the next transaction opens another).
            throw StoreError.unavailable(store: store, reason: "the connection to PostgreSQL failed (\(error.code))")
        } catch let error as PSQLError {
            throw PostgresQueryFailure(error, statement: query.sql)
        }
    }

    private func query(_ sql: String, _ arguments: StoreArguments) throws -> PostgresQuery {
        var bindings = PostgresBindings(capacity: arguments.values.count)
        for value in arguments.values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let integer): bindings.append(integer)
            case .real(let real): bindings.append(real)
            case .text(let text): bindings.append(UntypedText(text: text))
            case .blob(let data): bindings.append([UInt8](data))
            }
        }
        return PostgresQuery(unsafeSQL: PostgresStatementText.translated(sql), binds: bindings)
    }
}

/// A statement run many times. A batch of an `INSERT … VALUES (?, …)` goes as inserts of many rows each: one round trip
/// per few hundred rows instead of one per row.
struct PostgresStoreStatement: StoreStatement {
    let session: PostgresStoreSession
    let sql: String

    func execute(arguments: StoreArguments) throws {
        try session.execute(sql: sql, arguments: arguments)
    }

    func execute(batch: [StoreArguments]) throws {
        guard batch.count > 1, let tupleStart = sql.range(of: "VALUES (", options: .backwards), sql.hasSuffix(")") else {
            for arguments in batch { try execute(arguments: arguments) }
            return
        }
        let tuple = String(sql[sql.index(before: tupleStart.upperBound)...])
        let head = String(sql[..<tupleStart.upperBound].dropLast())
        // PostgreSQL takes at most 65,535 parameters in one statement.
        let rowsPerInsert = max(1, 30_000 / max(1, batch[0].values.count))
        var start = 0
        while start < batch.count {
            let rows = batch[start..<min(start + rowsPerInsert, batch.count)]
            let text = head + Array(repeating: tuple, count: rows.count).joined(separator: ", ")
            try session.execute(sql: text, arguments: StoreArguments(rows.flatMap(\.values)))
            start += rows.count
        }
    }
}

/// Text sent without a type, so PostgreSQL reads it as the column or operator it meets needs (a date, a number, text),
/// as SQLite's dynamic typing does.
private struct UntypedText: PostgresDynamicTypeEncodable {
    let text: String

    var psqlType: PostgresDataType { .null }
    var psqlFormat: PostgresFormat { .text }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(text)
    }
}

extension StoreValue {
    /// A result's cell, by its column's type (the store's tables use BIGINT, DOUBLE PRECISION, TEXT and BYTEA; sums come as
    /// NUMERIC, counts as BIGINT, EXISTS as BOOLEAN).
    init(_ cell: PostgresCell) throws {
        guard cell.bytes != nil else {
            self = .null
            return
        }
        switch cell.dataType {
        case .int2, .int4, .int8: self = .integer(try cell.decode(Int64.self))
        case .bool: self = .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .float4, .float8: self = .real(try cell.decode(Double.self))
        case .numeric:
            let text = "\(try cell.decode(Decimal.self))"
            self = Int64(text).map(StoreValue.integer) ?? .real(Double(text) ?? .nan)
        case .bytea: self = .blob(Data(try cell.decode([UInt8].self)))
        default: self = .text(try cell.decode(String.self))
        }
    }
}
