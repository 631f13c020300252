import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresAccess
import PostgresNIO

/// A company's store on PostgreSQL: a schema of its own (`?schema=` in the URL) reached over one connection, which one
/// transaction at a time uses. Writers of the same store queue on a lock for the schema, as SQLite's writers queue on
/// the file, so the audit chain's head is read and extended by one writer at a time, whichever process it runs in.
final class PostgresStoreConnection: @unchecked Sendable {
    /// The URL without its password, for messages.
    let name: String
    let schema: String
    /// `schema` quoted for SQL (a tenant's id may hold a hyphen).
    let quotedSchema: String
    private let configuration: PostgresConnection.Configuration
    private let logger = Logger(label: "closer.store.postgres")
    private let lock = NSLock()
    /// Guarded by `lock`; opened on first use and again after the server dropped it.
    private var connection: PostgresConnection?
    /// Set for `init(throwawayIn:)`'s stores.
    private var throwaway = false

    init(url: String) throws {
        name = PostgresURL.redacted(url)
        do {
            configuration = try PostgresURL.connectionConfiguration(url)
        } catch let error as PostgresURLError {
            throw StoreError.unavailable(store: name, reason: error.message)
        }
        guard let schema = PostgresURL.option("schema", in: url), schema.range(of: "^[a-z0-9_][a-z0-9_-]{0,62}$", options: .regularExpression) != nil else {
            throw StoreError.unavailable(store: name, reason: "the URL must name the company's schema as ?schema=NAME (lower-case letters, digits, _ and -)")
        }
        self.schema = schema
        quotedSchema = "\"" + schema + "\""
    }

    /// A store in a schema of its own, dropped with the connection: `inMemory()`'s on PostgreSQL.
    convenience init(throwawayIn server: String) throws {
        try self.init(url: AppDatabase.throwawayStoreURL(on: server))
        throwaway = true
    }

    deinit {
        if throwaway, let connection {
            _ = try? connection.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(quotedSchema) CASCADE"), logger: logger).wait()
        }
        try? connection?.close().wait()
    }

    /// Runs `body` in one transaction: a snapshot for reads; for writes, after every earlier writer of the store committed.
    func transaction<T>(writing: Bool, _ body: (PostgresStoreSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let session = PostgresStoreSession(connection: try open(), store: name, logger: logger)
        try session.run(writing ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
            if writing { try session.run("SELECT pg_advisory_xact_lock(hashtext('closer-store'), hashtext('\(schema)'))") }
            let result = try body(session)
            try session.run("COMMIT")
            return result
        } catch {
            try? session.run("ROLLBACK")
            throw error
        }
    }

    private func open() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        do {
            let opened = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 0, logger: logger).wait()
            _ = try opened.query(PostgresQuery(unsafeSQL: "SET search_path TO \(quotedSchema)"), logger: logger).wait()
            connection = opened
            return opened
        } catch let error as PSQLError {
            throw StoreError.unavailable(store: name, reason: error.serverInfo?[.message] ?? "PostgreSQL could not be reached (\(error.code))")
        }
    }
}
