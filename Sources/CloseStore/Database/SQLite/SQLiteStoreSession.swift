import Foundation
import GRDB

/// The SQLite engine's session: GRDB's `Database` inside one of its transactions or reads.
final class SQLiteStoreSession: StoreSession {
    private let db: Database

    init(_ db: Database) {
        self.db = db
    }

    var dialect: StoreDialect { .sqlite }
    var changesCount: Int { db.changesCount }

    func execute(sql: String, arguments: StoreArguments) throws {
        try db.execute(sql: sql, arguments: arguments.grdb)
    }

    func fetchRows(sql: String, arguments: StoreArguments) throws -> [StoreRow] {
        try Row.fetchAll(db, sql: sql, arguments: arguments.grdb).map { StoreRow(source: $0) }
    }

    func cursor(sql: String, arguments: StoreArguments) throws -> StoreRowCursor {
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments.grdb)
        return StoreRowCursor { try rows.next().map { StoreRow(source: $0) } }
    }

    func prepare(sql: String) throws -> any StoreStatement {
        SQLiteStoreStatement(statement: try db.cachedStatement(sql: sql))
    }

    func triggerNames(on table: String) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", arguments: [table])
    }

    func columnNames(of table: String) throws -> [String] { try db.columns(in: table).map(\.name) }

    func lastInsertedRowID() throws -> Int64 { db.lastInsertedRowID }
}

struct SQLiteStoreStatement: StoreStatement {
    let statement: Statement

    func execute(arguments: StoreArguments) throws {
        statement.setUncheckedArguments(arguments.grdb)
        try statement.execute()
    }
}

extension StoreArguments {
    var grdb: StatementArguments { StatementArguments(values.map(\.databaseValue)) }
}

extension StoreValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let integer): integer.databaseValue
        case .real(let real): real.databaseValue
        case .text(let text): text.databaseValue
        case .blob(let data): data.databaseValue
        }
    }

    /// From a row's value as GRDB gives it without conversion (nil for NULL).
    init(_ value: (any DatabaseValueConvertible)?) {
        switch value {
        case let integer as Int64: self = .integer(integer)
        case let real as Double: self = .real(real)
        case let text as String: self = .text(text)
        case let data as Data: self = .blob(data)
        default: self = .null
        }
    }
}

/// A missing column reads as NULL, and names match whatever their case, as GRDB's own subscripts do.
extension Row: StoreRowSource {
    func value(named column: String) -> StoreValue { StoreValue(self[column] as (any DatabaseValueConvertible)?) }

    func value(at index: Int) -> StoreValue { StoreValue(self[index] as (any DatabaseValueConvertible)?) }
}
