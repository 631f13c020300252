import PostgresNIO

/// A statement PostgreSQL refused, with the server's own words and the statement: a broken query is a bug, reported as
/// it is (postgres-nio's error hides the server's message by default).
struct PostgresQueryFailure: Error, CustomStringConvertible {
    let message: String
    let sqlState: String?
    let statement: String

    init(_ error: PSQLError, statement: String) {
        message = error.serverInfo?[.message] ?? "\(error.code)"
        sqlState = error.serverInfo?[.sqlState]
        self.statement = statement
    }

    var description: String { "PostgreSQL refused a statement of the store (\(sqlState ?? "no SQLSTATE")): \(message) — in: \(statement)" }
}
