package import Logging
package import PostgresNIO

extension PostgresClient {
    /// Runs `body` in one transaction on one pooled connection: committed when it returns, rolled back when
    /// it throws, and the body's own error rethrown as it was (postgres-nio's `withTransaction` wraps it).
    package func transaction<Result: Sendable>(logger: Logger, _ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let result = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }
}
