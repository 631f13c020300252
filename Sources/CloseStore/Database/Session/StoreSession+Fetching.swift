/// GRDB's spelling of fetches (`String.fetchOne(db, sql:arguments:)`), kept for every engine so queries read the same.
extension StoreRow {
    static func fetchAll(_ session: any StoreSession, sql: String, arguments: StoreArguments = []) throws -> [StoreRow] {
        try session.fetchRows(sql: sql, arguments: arguments)
    }

    static func fetchOne(_ session: any StoreSession, sql: String, arguments: StoreArguments = []) throws -> StoreRow? {
        try session.fetchRows(sql: sql, arguments: arguments).first
    }

    static func fetchCursor(_ session: any StoreSession, sql: String, arguments: StoreArguments = []) throws -> StoreRowCursor {
        try session.cursor(sql: sql, arguments: arguments)
    }
}

extension StoreValueConvertible {
    /// The first column of every row; rows whose value is NULL are left out.
    static func fetchAll(_ session: any StoreSession, sql: String, arguments: StoreArguments = []) throws -> [Self] {
        try session.fetchRows(sql: sql, arguments: arguments).compactMap { $0[0] as Self? }
    }

    /// The first column of the first row; nil when there is no row or the value is NULL.
    static func fetchOne(_ session: any StoreSession, sql: String, arguments: StoreArguments = []) throws -> Self? {
        try session.fetchRows(sql: sql, arguments: arguments).first.flatMap { $0[0] as Self? }
    }
}
